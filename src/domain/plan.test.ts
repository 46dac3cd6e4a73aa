import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isRealDate, nextPlanReviewDate, planReviewDue } from "./plan";

describe("local dates", () => {
  it("knows real dates from impossible ones", () => {
    expect(isRealDate("2028-02-29")).toBe(true);
    expect(isRealDate("2026-02-29")).toBe(false);
    expect(isRealDate("2026-13-01")).toBe(false);
    expect(isRealDate("26-01-01")).toBe(false);
  });

  it("counts whole days across months and years", () => {
    expect(daysBetween("2025-12-28", "2026-01-04")).toBe(7);
    expect(addDays("2026-02-26", 7)).toBe("2026-03-05");
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2090-01-01"), noInvalidDate: true }),
        fc.integer({ min: -1000, max: 1000 }),
        (date, days) => {
          const day = date.toISOString().slice(0, 10);
          expect(daysBetween(day, addDays(day, days))).toBe(days);
        },
      ),
    );
  });
});

describe("the weekly plan check", () => {
  it("is due seven days after the last review, not before", () => {
    expect(planReviewDue("2026-03-01", "2026-03-07")).toBe(false);
    expect(planReviewDue("2026-03-01", "2026-03-08")).toBe(true);
    expect(planReviewDue("2026-03-01", "2026-04-20")).toBe(true);
    expect(nextPlanReviewDate("2026-03-01")).toBe("2026-03-08");
  });

  it("waits a week after a new plan before the first check, and never nags without a plan", () => {
    expect(planReviewDue(null, "2026-03-05", "2026-03-01")).toBe(false);
    expect(planReviewDue(null, "2026-03-08", "2026-03-01")).toBe(true);
    expect(planReviewDue(null, "2026-03-08")).toBe(false);
    expect(nextPlanReviewDate(null, null)).toBeNull();
  });
});
