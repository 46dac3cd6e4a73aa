import { describe, expect, it } from "vitest";
import { BAM_SUBSCALES, bam } from "./bam";
import type { Answers } from "./questionnaire";

const every = (value: number): Record<string, number> => ({
  ...Object.fromEntries(
    Object.values(BAM_SUBSCALES)
      .flat()
      .map((linkId) => [linkId, value]),
  ),
  "14": value === 0 ? 0 : 4,
  "17": 2,
});
const subscale = (answers: Answers, code: string) =>
  bam.score(answers).subscales.find((entry) => entry.code === code)?.score;

describe("BAM (VA Brief Addiction Monitor): use, risk and protective subscales", () => {
  it("uses the VA subscale items: Use 4,5,6; Risk 1,2,3,8,11,15; Protective 9,10,12,13,14,16", () => {
    expect(BAM_SUBSCALES).toEqual({
      use: ["4", "5", "6"],
      risk: ["1", "2", "3", "8", "11", "15"],
      protective: ["9", "10", "12", "13", "14", "16"],
    });
  });

  it("scores day counts in the form's categories: 0, 1–3, 4–8, 9–15, 16–30 → 0–4", () => {
    const item = bam.items.find((candidate) => candidate.linkId === "2");
    expect(item?.options?.map((option) => [option.displayKey, option.score])).toEqual([
      ["bam.days.0", 0],
      ["bam.days.1", 1],
      ["bam.days.2", 2],
      ["bam.days.3", 3],
      ["bam.days.4", 4],
    ]);
  });

  it("scores item 14 (enough income) No = 0, Yes = 4", () => {
    const item = bam.items.find((candidate) => candidate.linkId === "14");
    expect(item?.options?.map((option) => option.score)).toEqual([0, 4]);
  });

  it("reports the minimum and maximum of each subscale and no total or band", () => {
    const low = bam.score(every(0));
    expect(low).toMatchObject({ total: null, band: null, flags: [], missing: [] });
    expect(low.subscales.map((entry) => [entry.code, entry.score, entry.range])).toEqual([
      ["use", 0, { min: 0, max: 12 }],
      ["risk", 0, { min: 0, max: 24 }],
      ["protective", 0, { min: 0, max: 24 }],
    ]);
    const high = bam.score(every(4));
    expect(high.subscales.map((entry) => entry.score)).toEqual([12, 24, 24]);
  });

  it("leaves items 7A–7G and 17 out of every subscale", () => {
    const base = every(1);
    const withDrugs = { ...base, "7a": 4, "7e": 4, "17": 4 };
    expect(bam.score(withDrugs).subscales).toEqual(bam.score(base).subscales);
  });

  it("scores a hand-worked example", () => {
    // 1 fair 3; 2 4–8 nights 2; 3 1–3 days 1; 4 0; 5 (skipped, no drinking); 6 1–3 days 1;
    // 8 moderately 2; 9 considerably 3; 10 9–15 days 3; 11 1–3 days 1; 12 slightly 1;
    // 13 16–30 days 4; 14 yes 4; 15 slightly 1; 16 9–15 days 3; 17 moderately 2
    const answers = {
      "1": 3,
      "2": 2,
      "3": 1,
      "4": 0,
      "6": 1,
      "8": 2,
      "9": 3,
      "10": 3,
      "11": 1,
      "12": 1,
      "13": 4,
      "14": 4,
      "15": 1,
      "16": 3,
      "17": 2,
    };
    expect(subscale(answers, "use")).toBe(1); // 0 + 0 + 1
    expect(subscale(answers, "risk")).toBe(10); // 3 + 2 + 1 + 2 + 1 + 1
    expect(subscale(answers, "protective")).toBe(18); // 3 + 3 + 1 + 4 + 4 + 3
    expect(bam.score(answers).missing).toEqual([]);
  });

  it("does not report a subscale with a missing item, and reports the others", () => {
    const { "11": _risky, ...rest } = every(2);
    const result = bam.score(rest);
    // protective: five items at 2 plus income Yes (4)
    expect(result.subscales.map((entry) => entry.score)).toEqual([6, null, 14]);
    expect(result.missing).toEqual(["11"]);
  });

  it("needs item 5 when any drinking days were reported", () => {
    const answers: Record<string, number> = { ...every(1), "4": 2 };
    const { "5": _heavy, ...rest } = answers;
    expect(subscale(rest, "use")).toBeNull();
  });
});
