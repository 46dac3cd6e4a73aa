import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ChangeStage, type ReadinessRecord, stageOfChange } from "./readiness";

/** The stage with no use recorded. */
const stageOf = (current: ReadinessRecord, history: readonly ReadinessRecord[] = []) =>
  stageOfChange(current, history, []);

const at = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString();
const rating = (readiness: number, importance = 8, day = 0): ReadinessRecord => ({
  importance,
  confidence: 5,
  readiness,
  recordedAt: at(day),
});

describe("the stage of change a readiness rating suggests", () => {
  it("follows the documented thresholds", () => {
    expect(stageOf(rating(1, 1))).toBe("precontemplation");
    expect(stageOf(rating(2, 6))).toBe("contemplation");
    expect(stageOf(rating(4))).toBe("contemplation");
    expect(stageOf(rating(5))).toBe("preparation");
    expect(stageOf(rating(7))).toBe("preparation");
    expect(stageOf(rating(8))).toBe("action");
    expect(stageOf(rating(10))).toBe("action");
  });

  it("calls six months of unbroken action-level ratings maintenance", () => {
    const steady = [rating(8, 8, 0), rating(9, 8, 90), rating(9, 8, 150)];
    expect(stageOf(rating(9, 8, 180), steady)).toBe("maintenance");
    expect(stageOf(rating(9, 8, 179), steady)).toBe("action");
    const dipped = [rating(8, 8, 0), rating(6, 8, 100), rating(9, 8, 150)];
    expect(stageOf(rating(9, 8, 200), dipped)).toBe("action");
    // Later ratings in the history do not count toward an earlier one.
    expect(stageOf(rating(9, 8, 10), [rating(9, 8, 400)])).toBe("action");
  });

  it("is never maintenance while use was recorded in the six months up to the rating", () => {
    const steady = [rating(8, 8, 0), rating(9, 8, 90), rating(9, 8, 150)];
    const current = rating(9, 8, 200); // 2026-07-20
    expect(stageOfChange(current, steady, [])).toBe("maintenance");
    expect(stageOfChange(current, steady, ["2026-07-18"])).toBe("action");
    expect(stageOfChange(current, steady, ["2026-03-01"])).toBe("action");
    // Use more than 180 days before the rating no longer holds maintenance back.
    expect(stageOfChange(current, steady, ["2026-01-10"])).toBe("maintenance");
    // Someone who may not see the member's use never reads maintenance into the ratings.
    expect(stageOfChange(current, steady, "unknown")).toBe("action");
  });

  it("never moves back a stage when readiness rises", () => {
    const order: ChangeStage[] = [
      "precontemplation",
      "contemplation",
      "preparation",
      "action",
      "maintenance",
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        (importance, low, high) => {
          const [a, b] = low <= high ? [low, high] : [high, low];
          const lower = order.indexOf(stageOf(rating(a, importance)));
          const higher = order.indexOf(stageOf(rating(b, importance)));
          expect(higher).toBeGreaterThanOrEqual(lower);
        },
      ),
    );
  });
});
