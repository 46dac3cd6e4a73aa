import { describe, expect, it } from "vitest";
import { bandRegions, type InstrumentSummary } from "./words";

const summary = (bands: InstrumentSummary["bands"]): InstrumentSummary => ({
  id: "x",
  version: "1",
  title: "X",
  category: "assessments",
  respondent: "self",
  itemCount: 1,
  loinc: null,
  totalScoreLoinc: null,
  totalRange: { min: 0, max: 21 },
  bands,
  citation: "",
  copyright: "",
  spanish: "official",
  cadenceDays: null,
});

describe("bandRegions", () => {
  it("draws nothing where the source defines no bands (SOWS)", () => {
    expect(bandRegions(summary([]))).toEqual([]);
  });

  it("joins whole-number bands and colours each band name the same everywhere", () => {
    const regions = bandRegions(
      summary([
        { code: "mild", label: "Mild", min: 5, max: 9 },
        { code: "moderate", label: "Moderate", min: 10, max: 14 },
        { code: "severe", label: "Severe", min: 15, max: 21 },
      ]),
    );
    expect(regions.map(({ from, to, tone }) => [from, to, tone])).toEqual([
      [5, 10, 1],
      [10, 15, 2],
      [15, 21, 4],
    ]);
  });
});
