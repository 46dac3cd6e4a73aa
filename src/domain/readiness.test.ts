import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ChangeStage, type ReadinessRecord, stageOfChange } from "./readiness";

const at = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString();
const rating = (readiness: number, importance = 8, day = 0): ReadinessRecord => ({
  importance,
  confidence: 5,
  readiness,
  recordedAt: at(day),
});

describe("the stage of change a readiness rating suggests", () => {
  it("follows the documented thresholds", () => {
    expect(stageOfChange(rating(1, 1))).toBe("precontemplation");
    expect(stageOfChange(rating(2, 6))).toBe("contemplation");
    expect(stageOfChange(rating(4))).toBe("contemplation");
    expect(stageOfChange(rating(5))).toBe("preparation");
    expect(stageOfChange(rating(7))).toBe("preparation");
    expect(stageOfChange(rating(8))).toBe("action");
    expect(stageOfChange(rating(10))).toBe("action");
  });

  it("calls six months of unbroken action-level ratings maintenance", () => {
    const steady = [rating(8, 8, 0), rating(9, 8, 90), rating(9, 8, 150)];
    expect(stageOfChange(rating(9, 8, 180), steady)).toBe("maintenance");
    expect(stageOfChange(rating(9, 8, 179), steady)).toBe("action");
    const dipped = [rating(8, 8, 0), rating(6, 8, 100), rating(9, 8, 150)];
    expect(stageOfChange(rating(9, 8, 200), dipped)).toBe("action");
    // Later ratings in the history do not count toward an earlier one.
    expect(stageOfChange(rating(9, 8, 10), [rating(9, 8, 400)])).toBe("action");
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
          const lower = order.indexOf(stageOfChange(rating(a, importance)));
          const higher = order.indexOf(stageOfChange(rating(b, importance)));
          expect(higher).toBeGreaterThanOrEqual(lower);
        },
      ),
    );
  });
});
