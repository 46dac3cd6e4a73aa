import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/domain/roles";
import type { AuthenticatorApp } from "../support/authenticator";
import { type Operation, operationsOf, requestsFor } from "../support/fuzz/operations";
import { changedTables, type Snapshot, snapshot, tablesOf } from "../support/fuzz/snapshot";
import { type Browser, browserFor, passphrase, uniqueEmail } from "../support/http-client";
import { addRole } from "../support/second-factor";
import { DIALECTS, startTestApp, type TestApp } from "../support/test-app";

/**
 * Hostile requests generated from the OpenAPI document (issue 19): every operationId, sent
 * by every kind of person, with valid, spoiled, hostile and malformed input. For each answer:
 * never a 5xx; a refusal (4xx) changes no row; and no answer ever carries a word of a member
 * nobody was granted (`canary`), nor the owner's words to someone without a grant.
 *
 * `npm test` sends one round (each operation by each person on SQLite, each operation once on
 * PostgreSQL); `npm run bench` sends WAYMARK_FUZZ_REQUESTS per database (10,000).
 */
const REQUESTS = Number(process.env.WAYMARK_FUZZ_REQUESTS ?? 0);
// New inputs on every developer run; in CI a fixed seed, as for every property test
// (test/support/fast-check-setup.ts), so a submission is judged on the same requests each time.
const SEED = Number(
  process.env.WAYMARK_FUZZ_SEED ?? (process.env.CI ? 20_261_126 : Date.now() % 1_000_000),
);

interface Actor {
  name: string;
  browser: Browser;
  credentials: { email: string; password: string } | null;
  /** Staff finish signing in again with a code from it. */
  authenticator?: AuthenticatorApp | null;
  /** Must never see the owner's own words. */
  withoutGrant: boolean;
}

describe.each(DIALECTS)("hostile requests from the OpenAPI document on %s", (dialect) => {
  let t: TestApp;
  let operations: Operation[];
  let actors: Actor[];
  let ids: { members: string[]; known: string[] };
  const tag = randomUUID().slice(0, 8);
  const canary = {
    name: `Canary Bee ${tag}`,
    email: `canary.${tag}@example.org`,
    words: `canary-words-${tag}`,
  };
  const ownerWords = `owner-words-${tag}`;

  beforeAll(async () => {
    t = await startTestApp(dialect, { authRateLimit: { max: 1_000_000, windowMs: 60_000 } });
    const organizationId = (
      await t.store.db.selectFrom("organizations").select("id").executeTakeFirstOrThrow()
    ).id;
    async function person(role: Role, displayName = `A ${role}`, email = uniqueEmail(role)) {
      const browser = browserFor(t.app);
      const password = passphrase();
      const response = await browser.post("/api/auth/sign-up", {
        email,
        password,
        displayName,
        timeZone: "America/Chicago",
      });
      expect(response.statusCode).toBe(201);
      const id = response.json().id as string;
      // Staff add their authenticator, as they must before they see anyone's records.
      const authenticator =
        role === "member"
          ? null
          : await addRole(t.store.db, browser, { userId: id, organizationId }, role);
      return { browser, id, email, password, base: `/api/members/${id}`, authenticator };
    }
    const consent = (email: string, categories: string[]) => ({
      recipientEmail: email,
      purpose: "Treatment",
      categories,
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      signature: { typedName: "Member Name" },
      revocationAcknowledged: true,
    });

    // The canary: a member whose words must never show up in anyone else's answer. Never an actor.
    const bee = await person("member", canary.name, canary.email);
    await recordWords(bee.browser, bee.base, canary.words);

    const owner = await person("member");
    await recordWords(owner.browser, owner.base, ownerWords);
    const clinician = await person("clinician");
    const supporter = await person("supporter");
    const allCategories = ["profile", "checkins", "cravings", "use", "plan", "medication"];
    for (const [grantee, categories] of [
      [
        clinician,
        [...allCategories, "assessments", "withdrawal", "appointments", "notes", "support"],
      ],
      [supporter, ["checkins"]],
    ] as const) {
      const grant = await owner.browser.post(
        "/api/consents",
        consent(grantee.email, [...categories]),
      );
      expect(grant.statusCode).toBe(201);
    }
    const stranger = await person("member");
    const outsider = await person("clinician");
    const admin = await person("admin");
    const as = (name: string, p: typeof owner, withoutGrant: boolean): Actor => ({
      name,
      browser: p.browser,
      credentials: { email: p.email, password: p.password },
      authenticator: p.authenticator,
      withoutGrant,
    });
    actors = [
      {
        name: "nobody signed in",
        browser: browserFor(t.app),
        credentials: null,
        withoutGrant: true,
      },
      as("the member", owner, false),
      as("another member", stranger, true),
      as("clinician with a grant", clinician, false),
      as("clinician without a grant", outsider, true),
      as("supporter", supporter, false),
      as("admin", admin, true),
    ];
    const document = (await owner.browser.get("/api/openapi.json")).json();
    operations = operationsOf(document);
    ids = { members: [bee.id, owner.id, stranger.id], known: await idsInTheDatabase() };
  }, 120_000);
  afterAll(async () => t?.close());

  async function recordWords(browser: Browser, base: string, words: string) {
    const today = new Date().toLocaleDateString("en-CA", { timeZone: "America/Chicago" });
    const writes = [
      await browser.put(`${base}/checkins/${today}`, {
        mood: 3,
        craving: 4,
        used: false,
        note: words,
      }),
      await browser.post(`${base}/cravings`, { intensity: 5, whatIDid: words }),
      await browser.post(`${base}/contacts`, { name: words, role: "sponsor", phone: "555 0101" }),
    ];
    for (const write of writes) expect(write.statusCode, write.body).toBeLessThan(300);
  }

  /** Every id the database holds: the fuzzer aims at real things, its own and other people's. */
  async function idsInTheDatabase(): Promise<string[]> {
    const ids = new Set<string>();
    for (const table of await tablesOf(t.store)) {
      const rows = (await t.store.db
        .selectFrom(table as "users")
        .selectAll()
        .execute()) as Record<string, unknown>[];
      for (const row of rows) {
        for (const [column, value] of Object.entries(row)) {
          if ((column === "id" || column.endsWith("_id")) && typeof value === "string")
            ids.add(value);
        }
      }
    }
    return [...ids];
  }

  /** The fuzzer may have signed this person out (sign-out, ending a session): sign back in. */
  async function restoreSession(actor: Actor): Promise<boolean> {
    if (!actor.credentials) return false;
    if ((await actor.browser.get("/api/me")).statusCode !== 401) return false;
    // Wrong passwords the fuzzer sent where the password is asked again (new recovery codes, a
    // password change) count against the account like wrong sign-ins; the person would wait.
    await t.store.db
      .deleteFrom("auth_failures")
      .where("email", "=", actor.credentials.email.toLowerCase())
      .execute();
    const again = await actor.browser.post("/api/auth/sign-in", actor.credentials);
    expect(again.statusCode, `${actor.name} could not sign in again`).toBe(200);
    if (again.json().secondFactor.state === "pending") {
      // The app, not recovery codes: the fuzzer may make a new set of those at any time.
      const code = (await actor.authenticator?.nextCodeWhenDue()) ?? "";
      const verified = await actor.browser.post("/api/auth/second-factor", { code });
      expect(verified.statusCode, `${actor.name} could not finish signing in`).toBe(200);
    }
    return true;
  }

  it("answers every operation for every person without a 5xx, a changed row on refusal, or a leak", async () => {
    const tables = await tablesOf(t.store);
    const total =
      REQUESTS > 0
        ? REQUESTS
        : dialect === "sqlite"
          ? operations.length * actors.length
          : operations.length;
    let before: Snapshot = await snapshot(t.store, tables);
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < total && problems.length < 5; i += 1) {
      const operation = operations[i % operations.length] as Operation;
      const actor = actors[(Math.floor(i / operations.length) + i) % actors.length] as Actor;
      const [request] = fc.sample(requestsFor(operation, ids), { seed: SEED + i, numRuns: 1 });
      if (!request) continue;
      // Nobody stays nobody: a sign-up the fuzzer sent must not sign the next request in.
      if (!actor.credentials) actor.browser.cookie = null;
      const response = await actor.browser.request(request);
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      const what = `${operation.operationId} by ${actor.name} (WAYMARK_FUZZ_SEED=${SEED}, request ${i}): ${request.method} ${request.url.slice(0, 200)} ${String(request.payload ?? "").slice(0, 200)} -> ${response.statusCode}`;
      if (response.statusCode >= 500) problems.push(`5xx: ${what} ${response.body.slice(0, 300)}`);
      const after = await snapshot(t.store, tables);
      if (response.statusCode >= 400) {
        const changed = changedTables(before, after);
        if (changed.length > 0) problems.push(`refused but changed ${changed.join(", ")}: ${what}`);
      }
      before = after;
      if (response.statusCode === 401 && (await restoreSession(actor))) {
        before = await snapshot(t.store, tables);
      }
      const text = response.body;
      for (const word of [canary.name, canary.email, canary.words]) {
        if (text.includes(word)) problems.push(`another member's data in the answer: ${what}`);
      }
      if (actor.withoutGrant && text.includes(ownerWords)) {
        problems.push(`the member's words without a grant: ${what}`);
      }
    }
    expect(problems).toEqual([]);
    // The run reached past validation: some requests succeeded and some were refused.
    const succeeded = [...statuses].filter(([s]) => s < 300).reduce((n, [, c]) => n + c, 0);
    expect(succeeded).toBeGreaterThan(total / 20);
  }, 1_800_000);
});
