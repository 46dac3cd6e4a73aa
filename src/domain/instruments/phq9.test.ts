import { describe, expect, it } from "vitest";
import { CRISIS_ITEM, phq9 } from "./phq9";
import type { Answers } from "./questionnaire";

const answersFrom = (scores: readonly number[]): Answers =>
  Object.fromEntries(scores.map((score, i) => [String(i + 1), score]));
/** Nine items adding up to a total, item 9 kept at 0. */
const totalOf = (total: number) =>
  answersFrom(
    Array.from({ length: 9 }, (_, i) => (i === 8 ? 0 : Math.min(3, Math.max(0, total - 3 * i)))),
  );

describe("PHQ-9 (Kroenke et al. 2001): 9 items, 0–3, total 0–27", () => {
  it("scores the minimum and the maximum", () => {
    expect(phq9.score(answersFrom(Array(9).fill(0)))).toMatchObject({
      total: 0,
      totalRange: { min: 0, max: 27 },
      band: { code: "none-minimal" },
      flags: [],
    });
    expect(phq9.score(answersFrom(Array(9).fill(3)))).toMatchObject({
      total: 27,
      band: { code: "severe" },
    });
  });

  it("places each cut point (5, 10, 15, 20) on the right side", () => {
    const bandAt = (total: number) => {
      const result = phq9.score(totalOf(total));
      expect(result.total).toBe(total);
      return result.band?.code;
    };
    expect(bandAt(4)).toBe("none-minimal");
    expect(bandAt(5)).toBe("mild");
    expect(bandAt(9)).toBe("mild");
    expect(bandAt(10)).toBe("moderate");
    expect(bandAt(14)).toBe("moderate");
    expect(bandAt(15)).toBe("moderately-severe");
    expect(bandAt(19)).toBe("moderately-severe");
    expect(bandAt(20)).toBe("severe");
  });

  it("sets the crisis flag whenever item 9 is above zero, even with other answers missing", () => {
    for (const value of [1, 2, 3]) {
      expect(phq9.score({ ...totalOf(0), [CRISIS_ITEM]: value }).flags).toEqual(["crisis"]);
    }
    expect(phq9.score({ [CRISIS_ITEM]: 1 })).toMatchObject({ total: null, flags: ["crisis"] });
    expect(phq9.score({ [CRISIS_ITEM]: 0 }).flags).toEqual([]);
  });

  it("reports no total or band with a missing item, and does not prorate", () => {
    const { "3": _sleep, ...rest } = answersFrom(Array(9).fill(2));
    expect(phq9.score(rest)).toMatchObject({ total: null, band: null, missing: ["3"] });
  });

  it("asks item 10 (difficulty) without scoring it or requiring it", () => {
    const base = answersFrom([1, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(phq9.score({ ...base, "10": 3 }).total).toBe(8);
    expect(phq9.score(base).missing).toEqual([]);
  });
});
