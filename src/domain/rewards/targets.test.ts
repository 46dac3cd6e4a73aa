import { describe, expect, it } from "vitest";
import { outcomesOf, standingOccasions } from "./targets";

describe("the occasions that still stand", () => {
  const records = [
    { id: "a", outcome: "met", correctsId: null },
    { id: "b", outcome: "missed", correctsId: null },
    { id: "c", outcome: "met", correctsId: null },
    { id: "d", outcome: "correction", correctsId: "b" },
  ];

  it("takes out a corrected occasion and the correction itself", () => {
    expect(standingOccasions(records).map((r) => r.id)).toEqual(["a", "c"]);
  });

  it("gives the run's history without a miss that was entered by mistake", () => {
    expect(outcomesOf(records)).toEqual(["met", "met"]);
    expect(outcomesOf(records.slice(0, 3))).toEqual(["met", "missed", "met"]);
  });
});
