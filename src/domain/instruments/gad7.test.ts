import { describe, expect, it } from "vitest";
import { gad7 } from "./gad7";
import type { Answers } from "./questionnaire";

const answersFrom = (scores: readonly number[]): Answers =>
  Object.fromEntries(scores.map((score, i) => [String(i + 1), score]));
const totalOf = (total: number) =>
  answersFrom(Array.from({ length: 7 }, (_, i) => Math.min(3, Math.max(0, total - 3 * i))));

describe("GAD-7 (Spitzer et al. 2006): 7 items, 0–3, total 0–21", () => {
  it("scores the minimum and the maximum", () => {
    expect(gad7.score(totalOf(0))).toMatchObject({
      total: 0,
      band: null,
      totalRange: { min: 0, max: 21 },
    });
    expect(gad7.score(totalOf(21))).toMatchObject({ total: 21, band: { code: "severe" } });
  });

  it("places the cut points 5, 10 and 15 and names nothing below 5", () => {
    const bandAt = (total: number) => gad7.score(totalOf(total)).band?.code ?? null;
    expect(bandAt(4)).toBeNull();
    expect(bandAt(5)).toBe("mild");
    expect(bandAt(9)).toBe("mild");
    expect(bandAt(10)).toBe("moderate");
    expect(bandAt(14)).toBe("moderate");
    expect(bandAt(15)).toBe("severe");
  });

  it("reports no total with a missing item", () => {
    const { "2": _worry, ...rest } = totalOf(12);
    expect(gad7.score(rest)).toMatchObject({ total: null, band: null, missing: ["2"] });
  });
});
