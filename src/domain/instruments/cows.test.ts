import { describe, expect, it } from "vitest";
import { cows } from "./cows";
import type { Answers } from "./questionnaire";

const MAX = [4, 4, 5, 5, 4, 4, 5, 4, 4, 4, 5];
const answersFrom = (scores: readonly number[]): Answers =>
  Object.fromEntries(scores.map((score, i) => [String(i + 1), score]));

/** A total reached with valid option scores: fill items from the first, up to their maximum. */
function totalOf(target: number): Answers {
  let left = target;
  const scores = MAX.map((max, index) => {
    const item = cows.items.find((candidate) => candidate.linkId === String(index + 1));
    const valid = (item?.options ?? []).map((option) => option.score as number);
    const pick = Math.max(...valid.filter((score) => score <= Math.min(left, max)));
    left -= pick;
    return pick;
  });
  if (left !== 0) throw new Error(`cannot reach ${target}`);
  return answersFrom(scores);
}

describe("COWS (Wesson & Ling 2003): 11 items, total 0–48", () => {
  it("has a maximum of 48 (not 44) and a minimum of 0", () => {
    expect(cows.score(answersFrom(MAX))).toMatchObject({
      total: 48,
      totalRange: { min: 0, max: 48 },
      band: { code: "severe" },
    });
    expect(cows.score(answersFrom(MAX.map(() => 0)))).toMatchObject({ total: 0, band: null });
  });

  it("uses only the scores the form prints (pulse has no 3, gooseflesh only 0, 3 or 5)", () => {
    const pulse = cows.items.find((item) => item.linkId === "1");
    const gooseflesh = cows.items.find((item) => item.linkId === "11");
    expect(pulse?.options?.map((option) => option.score)).toEqual([0, 1, 2, 4]);
    expect(gooseflesh?.options?.map((option) => option.score)).toEqual([0, 3, 5]);
  });

  it("places each band boundary exactly as the form: 5–12, 13–24, 25–36, more than 36", () => {
    const bandAt = (total: number) => cows.score(totalOf(total)).band?.code ?? null;
    expect(bandAt(4)).toBeNull();
    expect(bandAt(5)).toBe("mild");
    expect(bandAt(12)).toBe("mild");
    expect(bandAt(13)).toBe("moderate");
    expect(bandAt(24)).toBe("moderate");
    expect(bandAt(25)).toBe("moderately-severe");
    expect(bandAt(36)).toBe("moderately-severe");
    expect(bandAt(37)).toBe("severe");
  });

  it("scores a hand-worked example from the form's anchors", () => {
    // pulse 92 → 1; beads of sweat → 3; frequent shifting → 3; pupils moderately dilated → 2;
    // severe diffuse aching → 2; nose running → 2; vomiting or diarrhea → 3; slight tremor → 2;
    // yawning 3+ times → 2; obviously irritable → 2; piloerection felt → 3 = 25, moderately severe
    const result = cows.score(answersFrom([1, 3, 3, 2, 2, 2, 3, 2, 2, 2, 3]));
    expect(result).toMatchObject({ total: 25, band: { code: "moderately-severe" } });
  });

  it("reports no total or band when an item is missing", () => {
    const { "4": _pupils, ...rest } = answersFrom(MAX);
    expect(cows.score(rest)).toMatchObject({ total: null, band: null, missing: ["4"] });
  });
});
