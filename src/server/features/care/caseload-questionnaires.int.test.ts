import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { findInstrument } from "../../../domain/instruments/catalog";
import { localDayOf } from "../../../domain/local-day";
import { responseRow } from "../assessments/response-row";
import { caseloadSummary } from "./caseload-queries";

/**
 * The caseload reads each questionnaire over its flag's own window (PHQ-9: the last 15 days,
 * BAM: 180) and only the JSON its flag needs, and the flags come out as before: item 9 inside
 * the 14 days flags, outside does not; BAM's trend compares the latest two with a risk score.
 */
describe.each(DIALECTS)("the caseload's questionnaires on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  const day = 86_400_000;

  async function answered(
    memberId: string,
    instrumentId: "bam" | "phq-9",
    answers: Record<string, number>,
    daysAgo: number,
  ) {
    const def = findInstrument(instrumentId);
    if (!def) throw new Error(instrumentId);
    const id = randomUUID();
    const at = new Date(Date.now() - daysAgo * day);
    await t.store.db
      .insertInto("assessment_responses")
      .values(responseRow({ def, memberId, id, answers, at, enteredBy: memberId }))
      .execute();
    return id;
  }
  const phq9 = (item9: number) => ({
    "1": 1,
    "2": 1,
    "3": 0,
    "4": 1,
    "5": 0,
    "6": 0,
    "7": 0,
    "8": 0,
    "9": item9,
  });
  /** A BAM whose risk subscale (items 1, 2, 3, 8, 11, 15) sums to 6 × `level`. */
  const bamAt = (level: number) => ({
    "1": level,
    "2": level,
    "3": level,
    "4": 0,
    "6": 0,
    "8": level,
    "9": 3,
    "10": 3,
    "11": level,
    "12": 2,
    "13": 3,
    "14": 4,
    "15": level,
    "16": 3,
    "17": 3,
  });
  const grant = (member: Awaited<ReturnType<typeof signUp>>, email: string) =>
    member.browser.post("/api/consents", {
      recipientEmail: email,
      purpose: "Treatment at Riverside clinic",
      categories: ["checkins", "assessments"],
      expiresAt: new Date(Date.now() + 90 * day).toISOString(),
      signature: { typedName: "Alex Example" },
      revocationAcknowledged: true,
    });

  it("reads PHQ-9s of the last 15 days and BAMs of 180, each with the JSON its flag reads", async () => {
    const clinician = await signUp(t, "Sam");
    const member = await signUp(t, "Indigo");
    const recentPhq9 = await answered(member.id, "phq-9", phq9(0), 3);
    await answered(member.id, "phq-9", phq9(1), 16);
    const recentBam = await answered(member.id, "bam", bamAt(1), 40);
    await answered(member.id, "bam", bamAt(2), 200);
    expect((await grant(member, clinician.email)).statusCode).toBe(201);

    const [row] = await caseloadSummary(t.store.db, {
      clinicianId: clinician.id,
      today: localDayOf(new Date(), "UTC"),
      now: new Date(),
    });
    expect(row?.phq9.map((response) => response.id)).toEqual([recentPhq9]);
    expect(JSON.parse(row?.phq9[0]?.answers ?? "{}")).toEqual(phq9(0));
    expect(row?.bam.map((response) => response.id)).toEqual([recentBam]);
    expect(JSON.parse(row?.bam[0]?.score ?? "{}").subscales[1]).toMatchObject({
      code: "risk",
      score: 6,
    });
  });

  it("flags item 9 inside the 14 days and not before, and compares the latest two BAMs", async () => {
    const clinician = await signUp(t, "Sam");
    const inside = await signUp(t, "Jules");
    const outside = await signUp(t, "Kit");
    await answered(inside.id, "phq-9", phq9(2), 12);
    await answered(outside.id, "phq-9", phq9(3), 16);
    // Risk 18 → 6 → 12: up, judged on the latest two only (the oldest is higher still).
    await answered(inside.id, "bam", bamAt(3), 90);
    await answered(inside.id, "bam", bamAt(1), 60);
    await answered(inside.id, "bam", bamAt(2), 30);
    // Risk 12 → 6: down, so no flag.
    await answered(outside.id, "bam", bamAt(2), 60);
    await answered(outside.id, "bam", bamAt(1), 30);
    expect((await grant(inside, clinician.email)).statusCode).toBe(201);
    expect((await grant(outside, clinician.email)).statusCode).toBe(201);

    const response = await clinician.browser.get("/api/care/caseload");
    expect(response.statusCode).toBe(200);
    const members = response.json().members as {
      displayName: string;
      flags: { code: string; params: Record<string, unknown> }[];
    }[];
    const flagsOf = (name: string) =>
      members
        .find((member) => member.displayName === name)
        ?.flags.filter((flag) => flag.code !== "no_checkin");
    expect(flagsOf("Jules")).toEqual([
      expect.objectContaining({
        code: "phq9_item9",
        params: expect.objectContaining({ answer: 2 }),
      }),
      expect.objectContaining({ code: "bam_risk_up", params: { from: 6, to: 12 } }),
    ]);
    expect(flagsOf("Kit")).toEqual([]);
  });
});
