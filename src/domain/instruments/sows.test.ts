import { describe, expect, it } from "vitest";
import type { Answers } from "./questionnaire";
import { SOWS_ITEM_COUNT, sows } from "./sows";

const all = (value: number): Answers =>
  Object.fromEntries(Array.from({ length: SOWS_ITEM_COUNT }, (_, i) => [String(i + 1), value]));

describe("SOWS (Handelsman et al. 1987): 16 items, 0–4, total 0–64, no bands", () => {
  it("scores the minimum and the maximum", () => {
    expect(sows.score(all(0))).toMatchObject({
      total: 0,
      totalRange: { min: 0, max: 64 },
      missing: [],
    });
    expect(sows.score(all(4)).total).toBe(64);
  });

  it("adds the items (hand-worked from the published rule: the score is the sum of the 16 ratings)", () => {
    // anxious 3, yawning 2, perspiring 2, teary 1, runny nose 2, goosebumps 1, shaking 1, hot 2,
    // cold 2, aches 3, restless 3, nauseous 1, vomiting 0, twitch 2, cramps 2, feel like using 4 = 31
    const ratings = [3, 2, 2, 1, 2, 1, 1, 2, 2, 3, 3, 1, 0, 2, 2, 4];
    const answers = Object.fromEntries(ratings.map((value, i) => [String(i + 1), value]));
    expect(sows.score(answers).total).toBe(31);
  });

  it("never names a severity level: the source publishes no bands", () => {
    expect(sows.bands).toEqual([]);
    for (const value of [0, 1, 2, 3, 4]) expect(sows.score(all(value)).band).toBeNull();
  });

  it("reports no total when an item is missing, and names it", () => {
    const { "7": _shaking, ...rest } = all(2);
    expect(sows.score(rest)).toMatchObject({ total: null, missing: ["7"] });
  });
});
