import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareIso } from "./iso-order";

describe("ordering ISO dates and instants", () => {
  it("puts earlier instants first, as their times do", () => {
    const instants = fc.date({
      min: new Date("1900-01-01T00:00:00Z"),
      max: new Date("2200-12-31T00:00:00Z"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instants, instants, (a, b) => {
        const order = compareIso(a.toISOString(), b.toISOString());
        expect(Math.sign(order)).toBe(Math.sign(a.getTime() - b.getTime()));
      }),
    );
  });

  it("sorts local days from the earliest", () => {
    expect(["2026-12-06", "2025-01-31", "2026-02-01"].sort(compareIso)).toEqual([
      "2025-01-31",
      "2026-02-01",
      "2026-12-06",
    ]);
  });
});
