import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type EscalationSchedule,
  earningFor,
  nextOccasionPoints,
  type OccasionOutcome,
  PUBLISHED_SCHEDULE_PROPORTIONS,
  type RewardSettings,
  scheduledPoints,
  streakOf,
} from "./schedule";

const higgins: EscalationSchedule = PUBLISHED_SCHEDULE_PROPORTIONS;
const settings = (yearlyCapPoints: number, schedule = higgins): RewardSettings => ({
  schedule,
  yearlyCapPoints,
});

/** Runs a whole history through the schedule the way the server does, one occasion at a time. */
function run(config: RewardSettings, outcomes: readonly OccasionOutcome[]) {
  const history: OccasionOutcome[] = [];
  let earned = 0;
  const earnings = outcomes.map((outcome) => {
    const earning = earningFor(config, history, outcome, earned);
    history.push(outcome);
    earned += earning.awarded;
    return earning;
  });
  return { earnings, earned };
}

const scheduleArbitrary = fc.record({
  startPoints: fc.integer({ min: 1, max: 200 }),
  stepPoints: fc.integer({ min: 0, max: 100 }),
  maxPointsPerOccasion: fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }),
  bonusEvery: fc.option(fc.integer({ min: 2, max: 10 }), { nil: null }),
  bonusPoints: fc.integer({ min: 0, max: 300 }),
});
const outcomesArbitrary = fc.array(fc.constantFrom<OccasionOutcome>("met", "missed"), {
  maxLength: 80,
});

describe("the escalating schedule", () => {
  it("climbs by the step for each met occasion in a row, with a bonus every third", () => {
    const { earnings } = run(settings(1_000_000), ["met", "met", "met", "met"]);
    // In Higgins' proportions: 10, 15, 20 + 40 bonus, 25.
    expect(earnings.map((e) => e.awarded)).toEqual([10, 15, 60, 25]);
  });

  it("reproduces Higgins et al. (1994): 36 negative specimens in a row make $997.50", () => {
    // In quarters of a dollar: $2.50 = 10, $1.25 = 5, $10 = 40.
    const { earned } = run(settings(1_000_000), Array(36).fill("met"));
    expect(earned / 4).toBe(997.5);
  });

  it("starts again from the first value after a miss", () => {
    const { earnings } = run(settings(1_000_000), ["met", "met", "missed", "met", "met"]);
    expect(earnings.map((e) => e.awarded)).toEqual([10, 15, 0, 10, 15]);
    expect(earnings[2]?.reason).toBe("missed");
  });

  it("stops climbing at the ceiling, and the bonus still comes on top", () => {
    const capped = { ...higgins, maxPointsPerOccasion: 20 };
    expect(scheduledPoints(capped, 10)).toEqual({ base: 20, bonus: 0, total: 20 });
    expect(scheduledPoints(capped, 12)).toEqual({ base: 20, bonus: 40, total: 60 });
  });

  it("says what the next occasion is worth", () => {
    expect(nextOccasionPoints(higgins, [])).toBe(10);
    expect(nextOccasionPoints(higgins, ["met", "met"])).toBe(60);
    expect(nextOccasionPoints(higgins, ["met", "met", "missed"])).toBe(10);
  });
});

describe("the yearly cap", () => {
  it("gives what fits under the cap, then nothing, and the streak carries on", () => {
    const { earnings, earned } = run(settings(30), ["met", "met", "met", "met"]);
    expect(earnings.map((e) => [e.awarded, e.reason])).toEqual([
      [10, "earned"],
      [15, "earned"],
      [5, "cap_partial"],
      [0, "cap_reached"],
    ]);
    expect(earnings.map((e) => e.streak)).toEqual([1, 2, 3, 4]);
    expect(earned).toBe(30);
  });

  it("gives nothing under a cap of zero", () => {
    expect(earningFor(settings(0), [], "met", 0)).toMatchObject({
      awarded: 0,
      withheld: 10,
      reason: "cap_reached",
    });
  });
});

describe("properties of any schedule", () => {
  it("never lets a year's points pass the cap", () => {
    fc.assert(
      fc.property(
        scheduleArbitrary,
        fc.nat(5_000),
        outcomesArbitrary,
        (schedule, cap, outcomes) => {
          const { earnings, earned } = run(settings(cap, schedule), outcomes);
          expect(earned).toBeLessThanOrEqual(cap);
          for (const e of earnings) {
            expect(e.awarded).toBeGreaterThanOrEqual(0);
            expect(e.awarded + e.withheld).toBe(e.scheduled);
          }
        },
      ),
    );
  });

  it("always resets after a miss: the next met occasion earns the first value again", () => {
    fc.assert(
      fc.property(scheduleArbitrary, outcomesArbitrary, (schedule, before) => {
        const history: OccasionOutcome[] = [...before, "missed"];
        expect(streakOf(history)).toBe(0);
        const earning = earningFor(settings(10_000_000, schedule), history, "met", 0);
        expect(earning.streak).toBe(1);
        expect(earning.scheduled).toBe(scheduledPoints(schedule, 1).total);
      }),
    );
  });

  it("never pays a met occasion less than the one before it in the same run (before the cap)", () => {
    fc.assert(
      fc.property(scheduleArbitrary, fc.integer({ min: 1, max: 60 }), (schedule, n) => {
        const base = (k: number) => scheduledPoints(schedule, k).base;
        expect(base(n + 1)).toBeGreaterThanOrEqual(base(n));
      }),
    );
  });

  it("earns nothing for a miss", () => {
    fc.assert(
      fc.property(scheduleArbitrary, outcomesArbitrary, fc.nat(1000), (schedule, history, got) => {
        expect(earningFor(settings(5000, schedule), history, "missed", got).awarded).toBe(0);
      }),
    );
  });
});
