import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultOrganizationId, signUp, type TestPerson } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import type { Role } from "../../../domain/roles";

/**
 * The COWS is rated by an observer: a clinician or trained supporter with a live grant naming
 * "withdrawal" may enter it for the member. Every other write by someone else stays refused,
 * each accepted write is one "allowed" audit event, and a refusal writes nothing but "denied".
 */
const cows = (scores: number[]) =>
  Object.fromEntries(scores.map((score, i) => [String(i + 1), score]));
// Pulse 1, sweating 1, restless 1, pupils 1, aches 1, nose 1, GI 2, tremor 1, yawn 1, anxiety 1,
// gooseflesh 0: 11, mild.
const MILD = cows([1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 0]);
const DAY = 86_400_000;

describe.each(DIALECTS)("COWS entered by someone else on %s", (dialect) => {
  let t: TestApp;
  let organizationId: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    organizationId = await defaultOrganizationId(t);
  });
  afterAll(async () => t.close());

  async function person(role: Role, displayName = `A ${role}`, org = organizationId) {
    const someone = await signUp(t, displayName, role, {
      organizationId: org,
      timeZone: "America/New_York",
    });
    return { ...someone, base: `/api/members/${someone.id}` };
  }

  async function grant(
    memberId: string,
    granteeId: string,
    categories: string[],
    options: { expiresAt?: string; revokedAt?: string } = {},
  ) {
    await t.store.db
      .insertInto("consent_grants")
      .values({
        member_id: memberId,
        id: randomUUID(),
        grantee_user_id: granteeId,
        purpose: "Withdrawal management",
        categories: JSON.stringify(categories),
        created_at: new Date(Date.now() - 2 * DAY).toISOString(),
        expires_at: options.expiresAt ?? null,
        revoked_at: options.revokedAt ?? null,
      })
      .execute();
  }

  const responses = async (memberId: string) =>
    t.store.db
      .selectFrom("assessment_responses")
      .selectAll()
      .where("member_id", "=", memberId)
      .execute();
  const events = async (memberId: string) =>
    t.store.db
      .selectFrom("audit_events")
      .selectAll()
      .where("member_id", "=", memberId)
      .orderBy("seq")
      .execute();

  it("lets a clinician with a withdrawal grant record a COWS, once, audited once", async () => {
    const member = await person("member", "Alex");
    const clinician = await person("clinician", "Sam Rivera");
    await grant(member.id, clinician.id, ["withdrawal"]);
    const headers = { "idempotency-key": `cows-${randomUUID()}` };
    const body = { instrument: "cows", answers: MILD };
    const first = await clinician.browser.post(`${member.base}/assessments`, body, headers);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      instrument: "cows",
      enteredBy: clinician.id,
      enteredByOther: { id: clinician.id, displayName: "Sam Rivera" },
      score: { total: 11, band: { code: "mild" } },
    });
    // A retry of the same request (a flaky connection) lands nothing new and logs nothing new.
    const retry = await clinician.browser.post(`${member.base}/assessments`, body, headers);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());

    expect(await responses(member.id)).toHaveLength(1);
    const log = await events(member.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      actor_id: clinician.id,
      action: "write:withdrawal",
      outcome: "allowed",
      purpose: "Withdrawal management",
    });

    // The member sees the rating, and who made it.
    const list = await member.browser.get(`${member.base}/assessments?instrument=cows`);
    expect(list.statusCode).toBe(200);
    expect(list.json().assessments).toEqual([
      expect.objectContaining({
        id: first.json().id,
        enteredByOther: { id: clinician.id, displayName: "Sam Rivera" },
      }),
    ]);
    // The member's FHIR copy for their EHR names the rater as its author.
    const fhir = await member.browser.get(`${member.base}/assessments/${first.json().id}/fhir`);
    expect(fhir.statusCode).toBe(200);
    expect(fhir.json().author).toEqual({ display: "Sam Rivera" });
  });

  it("lets a supporter with a withdrawal grant record a COWS", async () => {
    const member = await person("member");
    const supporter = await person("supporter", "Jordan");
    await grant(member.id, supporter.id, ["withdrawal", "checkins"]);
    const write = await supporter.browser.post(`${member.base}/assessments`, {
      instrument: "cows",
      answers: MILD,
    });
    expect(write.statusCode, write.body).toBe(201);
    expect(write.json().enteredByOther).toEqual({ id: supporter.id, displayName: "Jordan" });
  });

  it("lets the member enter a COWS themself, shown with no other rater", async () => {
    const member = await person("member");
    const write = await member.browser.post(`${member.base}/assessments`, {
      instrument: "cows",
      answers: MILD,
    });
    expect(write.statusCode, write.body).toBe(201);
    expect(write.json()).toMatchObject({ enteredBy: member.id, enteredByOther: null });
    expect(await events(member.id)).toHaveLength(0);
  });

  it("refuses everyone else with 403, a denied event, and nothing written", async () => {
    const member = await person("member");
    const cases: [string, TestPerson][] = [];
    cases.push(["clinician without a grant", await person("clinician")]);

    const expired = await person("clinician");
    await grant(member.id, expired.id, ["withdrawal"], {
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    });
    cases.push(["clinician with an expired grant", expired]);

    const revoked = await person("clinician");
    await grant(member.id, revoked.id, ["withdrawal"], {
      revokedAt: new Date(Date.now() - 1000).toISOString(),
    });
    cases.push(["clinician with a revoked grant", revoked]);

    const narrow = await person("clinician");
    await grant(member.id, narrow.id, ["assessments", "checkins", "notes"]);
    cases.push(["clinician whose grant lacks withdrawal", narrow]);

    // A grant alone is not enough: the COWS is an observer's rating, not a friend's entry.
    const otherMember = await person("member");
    await grant(member.id, otherMember.id, ["withdrawal"]);
    cases.push(["another member, even with a grant", otherMember]);

    cases.push(["supporter without a grant", await person("supporter")]);

    const elsewhere = randomUUID();
    await t.store.db
      .insertInto("organizations")
      .values({ id: elsewhere, name: "Elsewhere", created_at: new Date().toISOString() })
      .execute();
    const outsider = await person("clinician", "Outside", elsewhere);
    // Signing up put them in the default organization as a member; a clinician only elsewhere.
    await grant(member.id, outsider.id, ["withdrawal"]);
    cases.push(["clinician of another organization, with a grant", outsider]);

    for (const [label, someone] of cases) {
      const before = (await events(member.id)).length;
      const write = await someone.browser.post(`${member.base}/assessments`, {
        instrument: "cows",
        answers: MILD,
      });
      expect(write.statusCode, label).toBe(403);
      expect(Object.keys(write.json()), label).toEqual(["error"]);
      const logged = (await events(member.id)).slice(before);
      expect(logged, label).toEqual([
        expect.objectContaining({
          actor_id: someone.id,
          action: "write:withdrawal",
          outcome: "denied",
        }),
      ]);
    }
    expect(await responses(member.id)).toHaveLength(0);
  });

  it("keeps self-report instruments the member's own, even for a granted clinician", async () => {
    const member = await person("member");
    const clinician = await person("clinician");
    await grant(member.id, clinician.id, ["withdrawal", "assessments"]);
    const sows = await clinician.browser.post(`${member.base}/assessments`, {
      instrument: "sows",
      answers: { "1": 1 },
    });
    expect(sows.statusCode).toBe(403);
    const phq9 = await clinician.browser.post(`${member.base}/assessments`, {
      instrument: "phq-9",
      answers: { "1": 1 },
    });
    expect(phq9.statusCode).toBe(403);
    expect(await responses(member.id)).toHaveLength(0);
    expect((await events(member.id)).map((event) => [event.action, event.outcome])).toEqual([
      ["write:withdrawal", "denied"],
      ["write:assessments", "denied"],
    ]);
  });

  it("refuses wrong answers from a granted clinician with 400, writing nothing", async () => {
    const member = await person("member");
    const clinician = await person("clinician");
    await grant(member.id, clinician.id, ["withdrawal"]);
    const wrong = await clinician.browser.post(`${member.base}/assessments`, {
      instrument: "cows",
      answers: { ...MILD, "1": 3 },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.field).toBe("answers.1");
    const late = await clinician.browser.post(`${member.base}/assessments`, {
      instrument: "cows",
      answers: MILD,
      at: new Date(Date.now() + 2 * 3_600_000).toISOString(),
    });
    expect(late.statusCode).toBe(400);
    expect(await responses(member.id)).toHaveLength(0);
    expect(await events(member.id)).toHaveLength(0);
  });
});
