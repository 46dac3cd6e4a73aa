import { describe, expect, it } from "vitest";
import {
  attentionScore,
  bamRiskUpFlag,
  type CareHistory,
  careFlags,
  cravingHighFlag,
  lapseRecordedFlag,
  missedDosesFlag,
  noCheckinFlag,
  phq9Item9Flag,
} from "./care-flags";
import { addLocalDays } from "./local-day";

const today = "2026-11-26";
const daysAgo = (n: number) => addLocalDays(today, -n);

function history(extra: Partial<CareHistory> = {}): CareHistory {
  return {
    today,
    checkins: [0, 1, 2, 3].map((n) => ({ day: daysAgo(n), craving: 2 })),
    lastCheckinOn: today,
    missedDoses: [],
    lapses: [],
    bamRisk: [],
    phq9: [],
    ...extra,
  };
}

describe("craving 7+ on 3 of the last 4 days", () => {
  it("flags three high days among the last four and names them", () => {
    const flag = cravingHighFlag(
      history({
        checkins: [
          { day: daysAgo(0), craving: 7 },
          { day: daysAgo(1), craving: 3 },
          { day: daysAgo(2), craving: 9 },
          { day: daysAgo(3), craving: 8 },
        ],
      }),
    );
    expect(flag).toMatchObject({
      code: "craving_high",
      params: { days: 3 },
      evidence: { days: [daysAgo(3), daysAgo(2), daysAgo(0)], values: [8, 9, 7] },
    });
  });
  it("does not count a high day five days ago, or a 6", () => {
    expect(
      cravingHighFlag(
        history({
          checkins: [
            { day: daysAgo(0), craving: 7 },
            { day: daysAgo(1), craving: 6 },
            { day: daysAgo(2), craving: 9 },
            { day: daysAgo(4), craving: 10 },
          ],
        }),
      ),
    ).toBeNull();
  });
});

describe("2 missed doses this week", () => {
  it("flags two misses in the last 7 days and keeps their ids", () => {
    const flag = missedDosesFlag(
      history({
        missedDoses: [
          { id: "d1", day: daysAgo(6) },
          { id: "d2", day: daysAgo(1) },
        ],
      }),
    );
    expect(flag).toMatchObject({ params: { count: 2 }, evidence: { recordIds: ["d1", "d2"] } });
  });
  it("ignores a miss eight days ago", () => {
    expect(
      missedDosesFlag(
        history({
          missedDoses: [
            { id: "d1", day: daysAgo(7) },
            { id: "d2", day: daysAgo(1) },
          ],
        }),
      ),
    ).toBeNull();
  });
});

describe("no check-in for 5 days", () => {
  it("flags five days of silence, not four", () => {
    expect(noCheckinFlag(history({ lastCheckinOn: daysAgo(5) }))).toMatchObject({
      params: { days: 5 },
      evidence: { days: [daysAgo(5)] },
    });
    expect(noCheckinFlag(history({ lastCheckinOn: daysAgo(4) }))).toBeNull();
  });
  it("flags a member who never checked in, more gently", () => {
    expect(noCheckinFlag(history({ lastCheckinOn: null }))).toMatchObject({
      messageKey: "care.flag.noCheckinEver",
      weight: 10,
    });
  });
});

describe("lapse recorded", () => {
  it("flags a lapse this week and not one from last week", () => {
    expect(lapseRecordedFlag(history({ lapses: [{ id: "u1", day: daysAgo(2) }] }))).toMatchObject({
      params: { count: 1, lastOn: daysAgo(2) },
      evidence: { recordIds: ["u1"] },
    });
    expect(lapseRecordedFlag(history({ lapses: [{ id: "u1", day: daysAgo(9) }] }))).toBeNull();
  });
});

describe("BAM risk score up", () => {
  it("compares the latest two BAM risk scores, whatever order they come in", () => {
    const flag = bamRiskUpFlag(
      history({
        bamRisk: [
          { id: "b2", at: "2026-11-20T10:00:00Z", risk: 9 },
          { id: "b1", at: "2026-10-20T10:00:00Z", risk: 4 },
        ],
      }),
    );
    expect(flag).toMatchObject({
      params: { from: 4, to: 9 },
      evidence: { recordIds: ["b1", "b2"] },
    });
  });
  it("says nothing with one score or a score that fell or stayed", () => {
    expect(
      bamRiskUpFlag(history({ bamRisk: [{ id: "b1", at: "2026-11-01", risk: 9 }] })),
    ).toBeNull();
    expect(
      bamRiskUpFlag(
        history({
          bamRisk: [
            { id: "b1", at: "2026-10-01", risk: 9 },
            { id: "b2", at: "2026-11-01", risk: 9 },
          ],
        }),
      ),
    ).toBeNull();
  });
});

describe("PHQ-9 item 9 above zero", () => {
  it("flags thoughts of death or self-harm answered in the last two weeks, and names the answer", () => {
    const flag = phq9Item9Flag(
      history({
        phq9: [
          { id: "p1", day: daysAgo(13), item9: 1 },
          { id: "p2", day: daysAgo(3), item9: 2 },
          { id: "p3", day: daysAgo(1), item9: 0 },
        ],
      }),
    );
    expect(flag).toMatchObject({
      code: "phq9_item9",
      category: "assessments",
      params: { answer: 2, of: 3, on: daysAgo(3) },
      evidence: { recordIds: ["p1", "p2"], values: [1, 2] },
    });
    // It outweighs every other flag: nobody is watching the answers as they come in.
    expect(flag?.weight).toBeGreaterThan(40);
  });
  it("says nothing for item 9 at zero, unanswered, or answered more than two weeks ago", () => {
    expect(
      phq9Item9Flag(
        history({
          phq9: [
            { id: "p1", day: daysAgo(0), item9: 0 },
            { id: "p2", day: daysAgo(1), item9: null },
            { id: "p3", day: daysAgo(14), item9: 3 },
          ],
        }),
      ),
    ).toBeNull();
  });
  it("shows only to someone the member shares assessments with", () => {
    const asked = history({ phq9: [{ id: "p1", day: daysAgo(0), item9: 1 }] });
    expect(careFlags(asked, ["assessments"]).map((f) => f.code)).toEqual(["phq9_item9"]);
    expect(careFlags(asked, ["checkins", "use", "medication"])).toEqual([]);
  });
});

describe("flags within the grant", () => {
  const troubled = history({
    checkins: [0, 1, 2].map((n) => ({ day: daysAgo(n + 6), craving: 9 })),
    lastCheckinOn: daysAgo(6),
    missedDoses: [
      { id: "d1", day: daysAgo(1) },
      { id: "d2", day: daysAgo(2) },
    ],
    lapses: [{ id: "u1", day: daysAgo(1) }],
  });
  it("shows only flags from granted categories, heaviest first", () => {
    expect(careFlags(troubled, ["checkins"]).map((f) => f.code)).toEqual(["no_checkin"]);
    expect(careFlags(troubled, ["checkins", "use", "medication"]).map((f) => f.code)).toEqual([
      "lapse_recorded",
      "missed_doses",
      "no_checkin",
    ]);
    expect(careFlags(troubled, [])).toEqual([]);
  });
  it("scores attention as the sum of the flags' weights", () => {
    expect(attentionScore(careFlags(troubled, ["use", "medication"]))).toBe(65);
    expect(attentionScore([])).toBe(0);
  });
});
