import { describe, expect, it } from "vitest";
import {
  addLocalDays,
  eachLocalDay,
  instantProblem,
  isLocalDay,
  localDaysBetween,
  startOfLocalDay,
} from "./local-day";

describe("local days", () => {
  it("accepts only dates on the calendar", () => {
    expect(isLocalDay("2028-02-29")).toBe(true);
    expect(isLocalDay("2027-02-29")).toBe(false);
    expect(isLocalDay("2026-13-01")).toBe(false);
    expect(isLocalDay("2026-1-01")).toBe(false);
    expect(isLocalDay("26-11-2026")).toBe(false);
  });

  it("does calendar arithmetic without a day lost to daylight saving", () => {
    expect(addLocalDays("2026-03-07", 1)).toBe("2026-03-08");
    expect(addLocalDays("2026-03-08", 1)).toBe("2026-03-09");
    expect(addLocalDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addLocalDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(localDaysBetween("2026-10-31", "2026-11-02")).toBe(2);
    expect(eachLocalDay("2026-11-26", "2026-11-25")).toEqual([]);
  });

  it("finds the first instant of a local day in the member's zone", () => {
    expect(startOfLocalDay("2026-03-08", "America/New_York").toISOString()).toBe(
      "2026-03-08T05:00:00.000Z",
    );
    expect(startOfLocalDay("2026-03-09", "America/New_York").toISOString()).toBe(
      "2026-03-09T04:00:00.000Z",
    );
  });

  it("refuses a reported time still to come or before 1900, allowing a fast phone clock", () => {
    const now = new Date("2026-11-26T12:00:00Z");
    expect(instantProblem(new Date("2026-11-26T12:04:00Z"), now)).toBeNull();
    expect(instantProblem(new Date("2026-11-26T12:30:00Z"), now)).toBe("in_future");
    expect(instantProblem(new Date("1899-12-31T23:00:00Z"), now)).toBe("too_early");
  });
});
