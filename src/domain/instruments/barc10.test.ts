import { describe, expect, it } from "vitest";
import { barc10 } from "./barc10";
import type { Answers } from "./questionnaire";

const all = (value: number): Answers =>
  Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i + 1), value]));

describe("BARC-10 (Vilsaint et al. 2017): 10 items on a 6-point scale, total 10–60", () => {
  it("scores 1–6 per item, so the minimum is 10 and the maximum 60", () => {
    expect(barc10.score(all(1))).toMatchObject({ total: 10, totalRange: { min: 10, max: 60 } });
    expect(barc10.score(all(6)).total).toBe(60);
    const item = barc10.items.find((candidate) => candidate.linkId === "1");
    expect(item?.options?.map((option) => option.score)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("refuses 0, which is not on the 6-point scale", () => {
    const item = barc10.items.find((candidate) => candidate.linkId === "1");
    expect(item?.options?.some((option) => option.code === 0)).toBe(false);
  });

  it("adds items without reverse scoring (hand-worked: 5,5,4,4,3,6,4,6,5,5 = 47)", () => {
    const ratings = [5, 5, 4, 4, 3, 6, 4, 6, 5, 5];
    const result = barc10.score(Object.fromEntries(ratings.map((v, i) => [String(i + 1), v])));
    expect(result.total).toBe(47);
  });

  it("names no band on either side of the reported cut-off of 47", () => {
    expect(barc10.bands).toEqual([]);
    const at = (total: number) => {
      const ratings = Array.from({ length: 10 }, (_, i) => (i < total - 40 ? 5 : 4));
      return barc10.score(Object.fromEntries(ratings.map((v, i) => [String(i + 1), v])));
    };
    expect(at(46)).toMatchObject({ total: 46, band: null });
    expect(at(47)).toMatchObject({ total: 47, band: null });
  });

  it("reports no total when an item is missing", () => {
    const { "10": _progress, ...rest } = all(4);
    expect(barc10.score(rest)).toMatchObject({ total: null, missing: ["10"] });
  });
});
