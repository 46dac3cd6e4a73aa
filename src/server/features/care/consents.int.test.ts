import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueEmail } from "../../../../test/support/http-client";
import { signUp } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { REDISCLOSURE_NOTICE } from "../../../domain/consent";
import { localDayOf } from "../../../domain/local-day";
import { verifyAuditChain } from "../../security/audit";
import { writeHistory } from "./care-history";

describe.each(DIALECTS)("consents, caseload and summary on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  async function person(displayName = "Someone") {
    return signUp(t, displayName);
  }
  const consentBody = (email: string, categories: string[], extra = {}) => ({
    recipientEmail: email,
    purpose: "Treatment at Riverside clinic",
    categories,
    expiresAt: new Date(Date.now() + 90 * 86_400_000).toISOString(),
    signature: { typedName: "Alex Example" },
    revocationAcknowledged: true,
    ...extra,
  });

  it("records a signed consent with every Part 2 element, and shows it to both sides", async () => {
    const member = await person("Alex");
    const clinician = await person("Sam");
    const created = await member.browser.post(
      "/api/consents",
      consentBody(clinician.email.toUpperCase(), ["checkins", "plan"]),
    );
    expect(created.statusCode).toBe(201);
    const consent = created.json();
    expect(consent).toMatchObject({
      member: { id: member.id, displayName: "Alex" },
      recipient: { id: clinician.id, displayName: "Sam", email: clinician.email },
      purpose: "Treatment at Riverside clinic",
      categories: ["checkins", "plan"],
      expiryEvent: null,
      signature: { typedName: "Alex Example" },
      revocationAcknowledged: true,
      revokedAt: null,
      status: "active",
    });
    expect(consent.revocationStatement).toMatch(/revoke/);
    const mine = (await member.browser.get("/api/consents")).json();
    expect(mine.given.map((c: { id: string }) => c.id)).toEqual([consent.id]);
    expect(mine.received).toEqual([]);
    const theirs = (await clinician.browser.get("/api/consents")).json();
    expect(theirs.received.map((c: { id: string }) => c.id)).toEqual([consent.id]);
  });

  it("accepts an event instead of a date, and refuses what a consent cannot be", async () => {
    const member = await person();
    const clinician = await person();
    const byEvent = await member.browser.post(
      "/api/consents",
      consentBody(clinician.email, ["use"], {
        expiresAt: null,
        expiryEvent: "When I leave the Riverside program",
      }),
    );
    expect(byEvent.statusCode).toBe(201);
    expect(byEvent.json()).toMatchObject({
      expiresAt: null,
      expiryEvent: "When I leave the Riverside program",
    });

    const refused = [
      consentBody(clinician.email, ["use"], { expiresAt: null }),
      consentBody(clinician.email, []),
      consentBody(clinician.email, ["everything"]),
      consentBody(clinician.email, ["use"], { revocationAcknowledged: false }),
      consentBody(clinician.email, ["use"], { signature: { typedName: "" } }),
    ];
    for (const body of refused) {
      const response = await member.browser.post("/api/consents", body);
      expect(response.statusCode).toBe(400);
      expect(Object.keys(response.json())).toEqual(["error"]);
    }
    const nobody = await member.browser.post("/api/consents", consentBody(uniqueEmail(), ["use"]));
    expect(nobody.statusCode).toBe(422);
    expect(nobody.json().error.code).toBe("recipient_not_found");
    const past = await member.browser.post(
      "/api/consents",
      consentBody(clinician.email, ["use"], {
        expiresAt: new Date(Date.now() - 1000).toISOString(),
      }),
    );
    expect(past.statusCode).toBe(422);
  });

  it("revokes on the very next request, and only the member can revoke", async () => {
    const member = await person();
    const clinician = await person();
    const consent = (
      await member.browser.post("/api/consents", consentBody(clinician.email, ["checkins"]))
    ).json();
    const url = `/api/members/${member.id}/checkins`;
    const allowed = await clinician.browser.get(url);
    expect(allowed.statusCode).toBe(200);
    expect(allowed.headers["x-redisclosure-notice"]).toBe(REDISCLOSURE_NOTICE);

    const byOther = await clinician.browser.post(`/api/consents/${consent.id}/revoke`);
    expect(byOther.statusCode).toBe(404);
    const revoked = await member.browser.post(`/api/consents/${consent.id}/revoke`);
    expect(revoked.json()).toMatchObject({ status: "revoked" });
    const refused = await clinician.browser.get(url);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers["x-redisclosure-notice"]).toBeUndefined();
    expect((await clinician.browser.get("/api/consents")).json().received).toEqual([]);
    // The member reading their own data gets no notice: nothing is disclosed.
    expect((await member.browser.get(url)).headers["x-redisclosure-notice"]).toBeUndefined();
  });

  it("shows the member who looked at what, when and why, in words", async () => {
    const member = await person();
    const clinician = await person("Sam");
    await member.browser.post("/api/consents", consentBody(clinician.email, ["checkins"]));
    await clinician.browser.get(`/api/members/${member.id}/checkins`);
    await clinician.browser.get(`/api/members/${member.id}/plan`);
    const log = (await member.browser.get("/api/access-log")).json().events;
    expect(log).toEqual([
      expect.objectContaining({
        who: { id: clinician.id, displayName: "Sam" },
        verb: "read",
        what: "plan",
        outcome: "denied",
        description: { key: "care.access.readDenied", params: { actor: "Sam", what: "plan" } },
      }),
      expect.objectContaining({
        what: "checkins",
        why: "Treatment at Riverside clinic",
        outcome: "allowed",
        description: { key: "care.access.read", params: { actor: "Sam", what: "checkins" } },
      }),
    ]);
    // The clinician's own log is about their own data, not the member's.
    expect((await clinician.browser.get("/api/access-log")).json().events).toEqual([]);
  });

  it("lists the caseload by who needs attention, with flags only from granted categories", async () => {
    const clinician = await person("Sam");
    const today = localDayOf(new Date(), "UTC");
    const lapsed = await person("Blake");
    const quiet = await person("Casey");
    const calm = await person("Drew");
    const hidden = await person("Emery");
    await writeHistory(t.store.db, lapsed.id, today, {
      cravings: [8, 9, 2, 7],
      missedDaysAgo: [1, 3],
      lapseDaysAgo: [2],
      bamRisk: [4, 9],
    });
    await writeHistory(t.store.db, quiet.id, today, { calmDaysAgo: [6, 7] });
    await writeHistory(t.store.db, calm.id, today, { cravings: [1, 2, 1, 1] });
    // Emery lapsed too, but shares only check-ins: the lapse must not show.
    await writeHistory(t.store.db, hidden.id, today, { cravings: [1], lapseDaysAgo: [1] });
    const all = ["checkins", "cravings", "use", "medication", "assessments"];
    await lapsed.browser.post("/api/consents", consentBody(clinician.email, all));
    await quiet.browser.post("/api/consents", consentBody(clinician.email, ["checkins"]));
    await calm.browser.post("/api/consents", consentBody(clinician.email, all));
    await hidden.browser.post("/api/consents", consentBody(clinician.email, ["checkins"]));

    const before = await countAudit();
    const response = await clinician.browser.get("/api/care/caseload");
    expect(response.statusCode).toBe(200);
    expect(response.headers["x-redisclosure-notice"]).toBe(REDISCLOSURE_NOTICE);
    const members = response.json().members as {
      displayName: string;
      flags: { code: string; evidence: unknown; category: string }[];
    }[];
    expect(members.map((m) => m.displayName)).toEqual(["Blake", "Casey", "Drew", "Emery"]);
    expect(members[0]?.flags.map((f) => f.code)).toEqual([
      "lapse_recorded",
      "craving_high",
      "missed_doses",
      "bam_risk_up",
    ]);
    expect(members[0]?.flags[1]).toMatchObject({
      evidence: { values: [7, 9, 8] },
      category: "checkins",
    });
    expect(members[1]?.flags.map((f) => f.code)).toEqual(["no_checkin"]);
    expect(members[2]?.flags).toEqual([]);
    expect(members[3]?.flags).toEqual([]);
    expect(JSON.stringify(response.json())).not.toContain("private note");
    // One audit event per member listed, all in one intact chain.
    expect((await countAudit()) - before).toBe(4);
    expect((await verifyAuditChain(t.store.db)).ok).toBe(true);
    const seen = (await hidden.browser.get("/api/access-log")).json().events;
    expect(seen[0]).toMatchObject({ what: "caseload", outcome: "allowed" });
  });

  it("flags PHQ-9 item 9 above zero for a clinician shown assessments, and only for them", async () => {
    const member = await person("Frankie");
    const shownAssessments = await person("Gale");
    const shownCheckins = await person("Harper");
    const answered = await member.browser.post(`/api/members/${member.id}/assessments`, {
      instrument: "phq-9",
      answers: { "1": 1, "2": 1, "3": 0, "4": 1, "5": 0, "6": 0, "7": 0, "8": 0, "9": 2 },
    });
    expect(answered.statusCode, answered.body).toBe(201);
    await member.browser.post(
      "/api/consents",
      consentBody(shownAssessments.email, ["assessments"]),
    );
    await member.browser.post("/api/consents", consentBody(shownCheckins.email, ["checkins"]));
    const today = localDayOf(new Date(), "UTC");

    const flagsFor = async (clinician: Awaited<ReturnType<typeof person>>) => {
      const caseload = (await clinician.browser.get("/api/care/caseload")).json();
      const entry = caseload.members.find((m: { memberId: string }) => m.memberId === member.id);
      return entry.flags as { code: string; messageKey: string; params: unknown }[];
    };
    expect(await flagsFor(shownAssessments)).toEqual([
      expect.objectContaining({
        code: "phq9_item9",
        messageKey: "care.flag.phq9Item9",
        params: { answer: 2, of: 3, on: today },
        category: "assessments",
      }),
    ]);
    expect((await flagsFor(shownCheckins)).map((flag) => flag.code)).not.toContain("phq9_item9");
  });

  it("summarises a member within the granted categories only", async () => {
    const member = await person("Alex");
    const clinician = await person();
    const today = localDayOf(new Date(), "UTC");
    await writeHistory(t.store.db, member.id, today, {
      cravings: [3, 4],
      missedDaysAgo: [1],
      lapseDaysAgo: [2],
    });
    const url = `/api/members/${member.id}/summary`;
    expect((await clinician.browser.get(url)).statusCode).toBe(403);
    await member.browser.post("/api/consents", consentBody(clinician.email, ["checkins"]));
    const before = await countAudit();
    const response = await clinician.browser.get(url);
    expect(response.statusCode).toBe(200);
    expect((await countAudit()) - before).toBe(1);
    expect(response.headers["x-redisclosure-notice"]).toBe(REDISCLOSURE_NOTICE);
    const body = response.json();
    expect(body.categories).toEqual(["checkins"]);
    expect(body.checkins).toHaveLength(2);
    expect(body).toMatchObject({ lapses: null, doses: null, plan: null, assessments: null });
    expect(body.redisclosureNotice).toBe(REDISCLOSURE_NOTICE);
    const own = (await member.browser.get(url)).json();
    expect(own.lapses).toHaveLength(1);
    expect(own.doses).toMatchObject({ missed: 1 });
    expect(own.redisclosureNotice).toBeNull();
  });

  async function countAudit() {
    const row = await t.store.db
      .selectFrom("audit_events")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
});
