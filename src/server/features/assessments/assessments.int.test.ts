import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserFor } from "../../../../test/support/http-client";
import { signUp } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { seedAssessmentsDemo } from "../../../cli/demo/assessments";
import { questionnaireSchema } from "../../../domain/instruments/questionnaire";

const ZONE = "America/New_York";
const phq9 = (scores: number[]) =>
  Object.fromEntries(scores.map((score, i) => [String(i + 1), score]));
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

describe.each(DIALECTS)("assessments and the withdrawal tracker on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  async function person() {
    const member = await signUp(t, "Someone", "member", { timeZone: ZONE });
    return { ...member, base: `/api/members/${member.id}` };
  }

  const count = async (table: "assessment_responses" | "withdrawal_episodes", id: string) =>
    (await t.store.db.selectFrom(table).select("id").where("member_id", "=", id).execute()).length;

  async function grant(memberId: string, granteeId: string, categories: string[]) {
    await t.store.db
      .insertInto("consent_grants")
      .values({
        member_id: memberId,
        id: randomUUID(),
        grantee_user_id: granteeId,
        purpose: "Counseling",
        categories: JSON.stringify(categories),
        created_at: new Date().toISOString(),
        expires_at: null,
        revoked_at: null,
      })
      .execute();
  }

  it("lists instruments and serves each as a FHIR Questionnaire in English and Spanish", async () => {
    const browser = browserFor(t.app);
    const list = await browser.get("/api/instruments");
    expect(list.statusCode).toBe(200);
    expect(list.json().instruments.map((entry: { id: string }) => entry.id)).toEqual([
      "sows",
      "cows",
      "bam",
      "barc-10",
      "phq-9",
      "gad-7",
    ]);
    expect(
      list.json().instruments.find((entry: { id: string }) => entry.id === "cows"),
    ).toMatchObject({
      totalRange: { min: 0, max: 48 },
      loinc: null,
      respondent: "clinician",
    });
    const english = await browser.get("/api/instruments/phq-9");
    expect(english.statusCode).toBe(200);
    expect(questionnaireSchema.safeParse(english.json()).success).toBe(true);
    expect(english.json()).toMatchObject({
      resourceType: "Questionnaire",
      code: [{ code: "44249-1" }],
    });
    const spanish = await browser.get("/api/instruments/phq-9?lang=es");
    expect(spanish.json().item[1].text).toBe("Poco interés o placer en hacer cosas");
    expect((await browser.get("/api/instruments/audit-c")).statusCode).toBe(404);
  });

  it("serves the expected withdrawal course with its sources and words", async () => {
    const browser = browserFor(t.app);
    const course = await browser.get("/api/withdrawal-course/short-acting?lang=es");
    expect(course.statusCode).toBe(200);
    expect(course.json().bands[0]).toMatchObject({ phase: "onset", fromHours: 8, toHours: 24 });
    expect(course.json().texts["withdrawal.help.suicidalThoughts"]).toContain("988");
    expect((await browser.get("/api/withdrawal-course/alcohol")).statusCode).toBe(400);
  });

  it("scores and stores a PHQ-9, and flags a crisis when item 9 is above zero", async () => {
    const member = await person();
    const calm = await member.browser.post(`${member.base}/assessments`, {
      instrument: "phq-9",
      answers: phq9([1, 1, 1, 1, 1, 0, 0, 0, 0]),
    });
    expect(calm.statusCode, calm.body).toBe(201);
    expect(calm.json()).toMatchObject({
      instrument: "phq-9",
      instrumentVersion: "1.0.0",
      enteredBy: member.id,
      score: { total: 5, band: { code: "mild" }, flags: [], missing: [] },
    });
    const crisis = await member.browser.post(`${member.base}/assessments`, {
      instrument: "phq-9",
      answers: phq9([0, 0, 0, 0, 0, 0, 0, 0, 1]),
    });
    expect(crisis.json().score.flags).toEqual(["crisis"]);
    const partial = await member.browser.post(`${member.base}/assessments`, {
      instrument: "phq-9",
      answers: { "1": 2, "9": 0 },
    });
    expect(partial.json().score).toMatchObject({ total: null, band: null });
    const list = await member.browser.get(`${member.base}/assessments?instrument=phq-9`);
    expect(
      list.json().assessments.map((entry: { score: { total: number } }) => entry.score.total),
    ).toEqual([5, 1, null]);
  });

  it("refuses wrong answers with a 400 naming the field, and writes nothing", async () => {
    const member = await person();
    const submit = (body: unknown) => member.browser.post(`${member.base}/assessments`, body);
    const refusals = [
      [await submit({ instrument: "phq-9", answers: { "1": 4 } }), "answers.1"],
      [await submit({ instrument: "phq-9", answers: { "12": 1 } }), "answers.12"],
      [await submit({ instrument: "phq-9", answers: { "1": "two" } }), "answers.1"],
      [await submit({ instrument: "phq-9", answers: { intro: 1 } }), "answers.intro"],
      [await submit({ instrument: "gad-7", answers: { "9": 1 } }), "answers.9"],
      [await submit({ instrument: "barc-10", answers: { "1": 0 } }), "answers.1"],
      [await submit({ instrument: "cows", answers: { "1": 3 } }), "answers.1"],
      [await submit({ instrument: "audit-c", answers: { "1": 1 } }), "instrument"],
      [await submit({ instrument: "phq-9", answers: {} }), "answers"],
      [await submit({ instrument: "phq-9", answers: { "1": 1 }, at: hoursAgo(-2) }), "at"],
    ] as const;
    for (const [response, field] of refusals) {
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.field, response.body).toBe(field);
    }
    expect(await count("assessment_responses", member.id)).toBe(0);
  });

  it("lands a submission once for the same Idempotency-Key", async () => {
    const member = await person();
    const headers = { "idempotency-key": `assessment-${randomUUID()}` };
    const body = { instrument: "gad-7", answers: phq9([1, 1, 1, 1, 1, 1, 1]) };
    const first = await member.browser.post(`${member.base}/assessments`, body, headers);
    const again = await member.browser.post(`${member.base}/assessments`, body, headers);
    expect(first.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(await count("assessment_responses", member.id)).toBe(1);
  });

  it("ties SOWS ratings to the open withdrawal episode with hours since last use", async () => {
    const member = await person();
    const started = await member.browser.post(`${member.base}/withdrawal-episodes`, {
      lastUseAt: hoursAgo(30),
      opioidType: "short-acting",
    });
    expect(started.statusCode, started.body).toBe(201);
    const episodeId = started.json().id;
    const again = await member.browser.post(`${member.base}/withdrawal-episodes`, {
      lastUseAt: hoursAgo(5),
      opioidType: "methadone",
    });
    expect(again.statusCode).toBe(409);

    const sows = await member.browser.post(`${member.base}/assessments`, {
      instrument: "sows",
      answers: Object.fromEntries(Array.from({ length: 16 }, (_, i) => [String(i + 1), 2])),
    });
    expect(sows.json()).toMatchObject({ episodeId, score: { total: 32, band: null } });
    expect(sows.json().hoursSinceLastUse).toBeCloseTo(30, 0);
    const mood = await member.browser.post(`${member.base}/assessments`, {
      instrument: "gad-7",
      answers: { "1": 1 },
    });
    expect(mood.json()).toMatchObject({ episodeId: null, hoursSinceLastUse: null });

    const ended = await member.browser.post(
      `${member.base}/withdrawal-episodes/${episodeId}/end`,
      {},
    );
    expect(ended.statusCode).toBe(200);
    expect(ended.json().endedAt).not.toBeNull();
    expect(
      (await member.browser.post(`${member.base}/withdrawal-episodes/${episodeId}/end`, {}))
        .statusCode,
    ).toBe(409);
    expect(
      (await member.browser.post(`${member.base}/withdrawal-episodes/${randomUUID()}/end`, {}))
        .statusCode,
    ).toBe(404);
    const later = await member.browser.post(`${member.base}/assessments`, {
      instrument: "sows",
      answers: { "1": 1 },
    });
    expect(later.json().episodeId).toBeNull();
    const episodes = await member.browser.get(`${member.base}/withdrawal-episodes`);
    expect(episodes.json().episodes).toHaveLength(1);
    const bad = await member.browser.post(`${member.base}/withdrawal-episodes`, {
      lastUseAt: hoursAgo(-3),
      opioidType: "short-acting",
    });
    expect(bad.json().error).toMatchObject({ code: "time_in_future", field: "lastUseAt" });
  });

  it("lets a counselor read only the categories granted, never write, and audits it", async () => {
    const member = await person();
    const counselor = await person();
    await member.browser.post(`${member.base}/assessments`, {
      instrument: "phq-9",
      answers: { "1": 1 },
    });
    await member.browser.post(`${member.base}/assessments`, {
      instrument: "sows",
      answers: { "1": 1 },
    });
    expect((await counselor.browser.get(`${member.base}/assessments`)).statusCode).toBe(403);
    await grant(member.id, counselor.id, ["assessments"]);
    const list = await counselor.browser.get(`${member.base}/assessments`);
    expect(list.statusCode).toBe(200);
    // Without a withdrawal grant the SOWS rating is not in the general list, and asking is refused.
    expect(
      list.json().assessments.map((entry: { instrument: string }) => entry.instrument),
    ).toEqual(["phq-9"]);
    expect(
      (await counselor.browser.get(`${member.base}/assessments?instrument=sows`)).statusCode,
    ).toBe(403);
    expect((await counselor.browser.get(`${member.base}/withdrawal-episodes`)).statusCode).toBe(
      403,
    );
    const write = await counselor.browser.post(`${member.base}/assessments`, {
      instrument: "cows",
      answers: { "1": 1 },
    });
    expect(write.statusCode).toBe(403);
    expect(await count("assessment_responses", member.id)).toBe(2);
    const events = (await member.browser.get(`${member.base}/audit-events`)).json().events;
    expect(events).toContainEqual(
      expect.objectContaining({ action: "read:assessments", outcome: "allowed" }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ action: "write:withdrawal", outcome: "denied" }),
    );
  });

  it("suggests BAM monthly and BARC-10 every three months", async () => {
    const member = await person();
    const before = await member.browser.get(`${member.base}/assessments-due`);
    expect(before.json().due.map((entry: { due: boolean }) => entry.due)).toEqual([true, true]);
    await member.browser.post(`${member.base}/assessments`, {
      instrument: "bam",
      answers: { "1": 2 },
    });
    const after = await member.browser.get(`${member.base}/assessments-due`);
    expect(after.json().due[0]).toMatchObject({ instrument: "bam", due: false, everyDays: 30 });
    expect(after.json().due[1]).toMatchObject({ instrument: "barc-10", due: true });
  });

  it("names every operation in the OpenAPI document", async () => {
    const response = await t.app.inject({ url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    const operationIds = Object.values(response.json().paths).flatMap((path) =>
      Object.values(path as Record<string, { operationId?: string }>).map((op) => op.operationId),
    );
    expect(operationIds).toEqual(
      expect.arrayContaining([
        "listInstruments",
        "getInstrument",
        "submitAssessment",
        "listAssessments",
        "listAssessmentsDue",
        "getWithdrawalCourse",
        "startWithdrawalEpisode",
        "endWithdrawalEpisode",
        "listWithdrawalEpisodes",
      ]),
    );
  });

  it("seeds the demo history once, with SOWS ratings in an episode falling over days", async () => {
    const member = await person();
    const now = new Date();
    await seedAssessmentsDemo(t.store.db, member.id, now);
    await seedAssessmentsDemo(t.store.db, member.id, now);
    expect(await count("withdrawal_episodes", member.id)).toBe(1);
    expect(await count("assessment_responses", member.id)).toBe(9 + 3 + 2 + 2 + 2);
    const from = new Date(now.getTime() - 100 * 86_400_000).toISOString().slice(0, 10);
    const sows = await member.browser.get(
      `${member.base}/assessments?instrument=sows&from=${from}`,
    );
    const totals = sows
      .json()
      .assessments.map((entry: { score: { total: number } }) => entry.score.total);
    expect(totals).toEqual([14, 27, 41, 44, 36, 28, 19, 12, 7]);
    const phq = await member.browser.get(
      `${member.base}/assessments?instrument=phq-9&from=${from}`,
    );
    for (const entry of phq.json().assessments) {
      expect(entry.answers["9"]).toBe(0);
      expect(entry.score.flags).toEqual([]);
    }
  });
});
