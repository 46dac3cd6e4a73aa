import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, browserFor } from "../../../../test/support/http-client";
import { defaultOrganizationId, signUp } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { localDayOf } from "../../../domain/local-day";
import type { Role } from "../../../domain/roles";
import { addMembership } from "../auth/queries";
import { writeHistory } from "./care-history";

/**
 * The access matrix: every operation in the OpenAPI document whose path names a member, for
 * every kind of person. The oracle does not need to know each route's category: a successful
 * answer to anyone but the member must have written exactly one "allowed" audit event whose
 * category the grant names; anything else must be a 403/404 (a read may also get a 400 from
 * validation, which says nothing about the member) with only the error in the body.
 */
const GRANTED = ["profile", "checkins", "plan", "messages", "lessons"];
/** Who holds a live grant, and what it names. A message thread is the member's and one
 * person's: the matrix asks for the caller's own thread ({personId} is the caller). */
const GRANTS: Record<string, string[]> = {
  "clinician with a grant": GRANTED,
  "supporter with a messages grant": ["messages"],
};
const NO_SECOND_FACTOR = "clinician with a grant but no second factor";

interface Operation {
  operationId: string;
  method: string;
  path: string;
}

describe.each(DIALECTS)("the access matrix on %s", (dialect) => {
  let t: TestApp;
  let operations: Operation[];
  let member: { browser: Browser; id: string };
  const people = new Map<string, { browser: Browser; id: string }>();

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const organizationId = await defaultOrganizationId(t);
    const person = (role: Role, org = organizationId) =>
      signUp(t, `A ${role}`, role, { organizationId: org });
    const consent = (email: string, categories: string[]) => ({
      recipientEmail: email,
      purpose: "Treatment",
      categories,
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      signature: { typedName: "Member Name" },
      revocationAcknowledged: true,
    });
    const alex = await person("member");
    member = alex;
    await writeHistory(t.store.db, alex.id, localDayOf(new Date(), "UTC"), {
      cravings: [8, 8, 8],
      missedDaysAgo: [1, 2],
      lapseDaysAgo: [1],
      bamRisk: [1, 5],
    });
    people.set("other member", await person("member"));

    const granted = await person("clinician");
    const grant = await alex.browser.post("/api/consents", consent(granted.email, GRANTED));
    expect(grant.statusCode).toBe(201);
    people.set("clinician with a grant", granted);

    people.set("clinician without a grant", await person("clinician"));

    // The same grant, to a clinician who has not added a second factor yet.
    const noSecondFactor = await person("member");
    await addMembership(t.store.db, organizationId, noSecondFactor.id, "clinician", new Date());
    await alex.browser.post("/api/consents", consent(noSecondFactor.email, GRANTED));
    people.set(NO_SECOND_FACTOR, noSecondFactor);

    const expired = await person("clinician");
    await t.store.db
      .insertInto("consent_grants")
      .values({
        member_id: alex.id,
        id: randomUUID(),
        grantee_user_id: expired.id,
        purpose: "Treatment",
        categories: JSON.stringify([
          "profile",
          "checkins",
          "cravings",
          "use",
          "plan",
          "medication",
          "assessments",
          "withdrawal",
          "appointments",
          "notes",
          "rewards",
          "lessons",
        ]),
        created_at: new Date(Date.now() - 10_000).toISOString(),
        expires_at: new Date(Date.now() - 1000).toISOString(),
        revoked_at: null,
      })
      .execute();
    people.set("clinician with an expired grant", expired);

    const revoked = await person("clinician");
    const toRevoke = await alex.browser.post(
      "/api/consents",
      consent(revoked.email, [
        "checkins",
        "cravings",
        "use",
        "plan",
        "medication",
        "assessments",
        "rewards",
      ]),
    );
    expect((await revoked.browser.get(`/api/members/${alex.id}/checkins`)).statusCode).toBe(200);
    await alex.browser.post(`/api/consents/${toRevoke.json().id}/revoke`);
    people.set("clinician after revocation", revoked);

    // The same grant, to a clinician the admin then took off the staff (ASVS 7.4.2), who
    // signs in again with both factors.
    const leaving = await person("clinician");
    await alex.browser.post("/api/consents", consent(leaving.email, GRANTED));
    const admin = await person("admin");
    const removal = await admin.browser.delete(
      `/api/organizations/${organizationId}/staff/${leaving.id}`,
    );
    expect(removal.statusCode, removal.body).toBe(200);
    const returning = browserFor(t.app);
    await returning.post("/api/auth/sign-in", leaving);
    const code = leaving.authenticator?.nextCode() ?? "";
    expect((await returning.post("/api/auth/second-factor", { code })).statusCode).toBe(200);
    people.set("clinician removed from the organization", { browser: returning, id: leaving.id });

    people.set("supporter", await person("supporter"));
    const messaging = await person("supporter");
    const messages = await alex.browser.post(
      "/api/consents",
      consent(messaging.email, ["messages"]),
    );
    expect(messages.statusCode).toBe(201);
    people.set("supporter with a messages grant", messaging);
    const otherOrg = randomUUID();
    await t.store.db
      .insertInto("organizations")
      .values({ id: otherOrg, name: "Elsewhere", created_at: new Date().toISOString() })
      .execute();
    people.set("admin of another organization", await person("admin", otherOrg));

    const document = (await alex.browser.get("/api/openapi.json")).json() as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      path.includes("{memberId}")
        ? Object.entries(methods).map(([method, op]) => ({
            operationId: op.operationId ?? `${method} ${path}`,
            method: method.toUpperCase(),
            path,
          }))
        : [],
    );
  }, 60_000);
  afterAll(async () => t.close());

  function urlFor(operation: Operation, memberId: string, callerId: string) {
    return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (name === "memberId") return memberId;
      if (name === "personId") return callerId;
      if (name === "date") return localDayOf(new Date(), "UTC");
      // A real lesson, so lesson routes reach the policy rather than stop at validation.
      if (name === "lessonId") return "halt";
      return randomUUID();
    });
  }
  async function auditAbout(memberId: string) {
    return t.store.db
      .selectFrom("audit_events")
      .selectAll()
      .where("member_id", "=", memberId)
      .orderBy("seq")
      .execute();
  }
  function call(browser: Browser, operation: Operation, url: string) {
    const withBody = operation.method !== "GET" && operation.method !== "DELETE";
    return browser.request({
      method: operation.method as "GET",
      url,
      ...(withBody ? { headers: { "content-type": "application/json" }, payload: "{}" } : {}),
    });
  }

  it("walks operations that name a member (and finds the ones it must)", () => {
    const ids = operations.map((o) => o.operationId);
    for (const id of [
      "getMemberProfile",
      "getMemberSummary",
      "listCheckins",
      "getPlan",
      "askForSupport",
      "withdrawSupportRequest",
      "getMemberRewards",
      "createRewardTarget",
      "endRewardTarget",
      "recordRewardOccasion",
      "correctRewardOccasion",
      "redeemReward",
      "undoRewardRedemption",
      "getMessageThread",
      "sendMessage",
      "markMessageThreadRead",
      "listLessons",
      "saveLessonPosition",
      "answerLessonQuestion",
      "completeLesson",
      "addLessonStepToPlan",
      "assignLesson",
      "withdrawLessonAssignment",
    ]) {
      expect(ids).toContain(id);
    }
  });

  it("lets the member read their own data, with no audit event and no notice", async () => {
    const before = (await auditAbout(member.id)).length;
    for (const operation of operations.filter((o) => o.method === "GET")) {
      const response = await call(
        member.browser,
        operation,
        urlFor(operation, member.id, member.id),
      );
      expect([200, 404], `${operation.operationId} → ${response.statusCode}`).toContain(
        response.statusCode,
      );
      expect(response.headers["x-redisclosure-notice"]).toBeUndefined();
    }
    expect((await auditAbout(member.id)).length).toBe(before);
  });

  it.each([
    "other member",
    "clinician with a grant",
    NO_SECOND_FACTOR,
    "clinician without a grant",
    "clinician with an expired grant",
    "clinician after revocation",
    "clinician removed from the organization",
    "supporter",
    "supporter with a messages grant",
    "admin of another organization",
  ])("gives the %s only what a live grant names, audited once per read", async (role) => {
    const someone = people.get(role);
    if (!someone) throw new Error(role);
    const succeeded: string[] = [];
    for (const operation of operations) {
      const before = (await auditAbout(member.id)).length;
      const response = await call(
        someone.browser,
        operation,
        urlFor(operation, member.id, someone.id),
      );
      const label = `${role}: ${operation.method} ${operation.operationId} → ${response.statusCode}`;
      const events = (await auditAbout(member.id)).slice(before);
      if (process.env.MATRIX_REPORT) {
        process.stdout.write(
          `${dialect} | ${label} | ${events.map((e) => `${e.action}=${e.outcome}`).join(" ")}\n`,
        );
      }
      const granted = GRANTS[role] ?? [];
      if (response.statusCode < 300) {
        succeeded.push(operation.operationId);
        expect(operation.method, label).toBe("GET");
        expect(Object.keys(GRANTS), label).toContain(role);
        expect(events, label).toHaveLength(1);
        const [verb, category] = (events[0]?.action ?? "").split(":");
        expect(events[0], label).toMatchObject({ actor_id: someone.id, outcome: "allowed" });
        expect(verb, label).toBe("read");
        if (["summary", "report", "fhir", "supporter-view", "progress"].includes(category ?? "")) {
          // A view names the categories it showed: "summary: checkins, plan".
          const named = (events[0]?.resource ?? "").replace(/^[^:]*: /, "").split(", ");
          for (const c of named) expect(granted, label).toContain(c);
        } else {
          expect(granted, label).toContain(category);
        }
        expect(response.headers["x-redisclosure-notice"], label).toBeTruthy();
      } else {
        // Body validation runs before a route's handler asks the policy, so a stranger's
        // malformed write gets 400: the schema is public (OpenAPI), nothing about the member.
        const refusals = [400, 403, 404];
        expect(refusals, label).toContain(response.statusCode);
        expect(Object.keys(response.json()), label).toEqual(["error"]);
        expect(response.body, label).not.toContain("A member");
        expect(response.headers["x-redisclosure-notice"], label).toBeUndefined();
        // A 403 ends with a denied event (a route that reads several categories may have
        // logged an allowed one before the category it was refused); a 404 after an allowed
        // event is a permitted read that found nothing, so its category must be granted.
        if (role === NO_SECOND_FACTOR) {
          // Refused before any grant is read, and not in the member's log.
          expect(events, label).toEqual([]);
          // Routes only ever open to the member themselves refuse with plain "forbidden".
          if (response.statusCode === 403) {
            expect(["second_factor_required", "forbidden"], label).toContain(
              response.json().error.code,
            );
          }
        }
        const last = events.at(-1);
        if (response.statusCode === 403 && last) expect(last.outcome, label).toBe("denied");
        if (response.statusCode === 404 && last?.outcome === "allowed") {
          expect(granted, label).toContain(last.action.split(":")[1]);
        }
      }
    }
    if (role === "clinician with a grant") {
      for (const id of [
        "getMemberProfile",
        "getMemberSummary",
        "listCheckins",
        "getPlan",
        "listLessons",
      ]) {
        expect(succeeded).toContain(id);
      }
      expect(succeeded).not.toContain("listDoses");
    }
    if (role === "clinician with a grant" || role === "supporter with a messages grant") {
      expect(succeeded).toContain("getMessageThread");
    }
    if (role === "supporter with a messages grant") {
      expect(succeeded).toEqual(["getMessageThread"]);
    } else if (role !== "clinician with a grant") {
      expect(succeeded).toEqual([]);
    }
  });
});
