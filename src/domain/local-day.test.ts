import { tz } from "@date-fns/tz";
import { addDays, differenceInCalendarDays, format, isValid, parseISO } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addLocalDays,
  dayAmong,
  dayStartsAround,
  eachLocalDay,
  instantProblem,
  isLocalDay,
  localDayOf,
  localDaysBetween,
  startOfLocalDay,
} from "./local-day";

/** date-fns, which the functions used before they were made cheap, is the oracle. */
const UTC = tz("UTC");
const oracle = {
  localDayOf: (instant: Date, zone: string) => format(instant, "yyyy-MM-dd", { in: tz(zone) }),
  addLocalDays: (day: string, amount: number) =>
    format(addDays(parseISO(day, { in: UTC }), amount), "yyyy-MM-dd"),
  localDaysBetween: (from: string, to: string) =>
    differenceInCalendarDays(parseISO(to, { in: UTC }), parseISO(from, { in: UTC }), { in: UTC }),
  isLocalDay: (value: string) => {
    const parsed = parseISO(value, { in: UTC });
    return isValid(parsed) && format(parsed, "yyyy-MM-dd") === value;
  },
};
const ZONES = [
  "UTC",
  "America/Santiago",
  "America/Chicago",
  "America/New_York",
  "America/St_Johns",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "Asia/Kathmandu",
  "Europe/Madrid",
  "Australia/Lord_Howe",
];
// From 1970: before standard time, zones ran on local mean time with offsets in seconds
// (Madrid −0:14:44), which Intl keeps and date-fns rounds, so the oracle is wrong there.
const instants = fc.date({
  min: new Date("1970-01-01T00:00:00Z"),
  max: new Date("2200-12-31T00:00:00Z"),
  noInvalidDate: true,
});
const days = instants.map((instant) => instant.toISOString().slice(0, 10));

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

  it("agrees with date-fns on every zone, day and offset", () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...ZONES), (instant, zone) => {
        expect(localDayOf(instant, zone)).toBe(oracle.localDayOf(instant, zone));
      }),
    );
    fc.assert(
      fc.property(days, fc.integer({ min: -40_000, max: 40_000 }), (day, amount) => {
        expect(addLocalDays(day, amount)).toBe(oracle.addLocalDays(day, amount));
      }),
    );
    fc.assert(
      fc.property(days, days, (from, to) => {
        expect(localDaysBetween(from, to)).toBe(oracle.localDaysBetween(from, to));
      }),
    );
    const written = fc
      .tuple(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(([y, m, d]) =>
        [String(y).padStart(4, "0"), String(m).padStart(2, "0"), String(d).padStart(2, "0")].join(
          "-",
        ),
      );
    fc.assert(
      fc.property(written, (value) => {
        expect(isLocalDay(value)).toBe(oracle.isLocalDay(value));
      }),
    );
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

  it("tells the member's day from the day starts sent ahead, as the zone's own rules would", () => {
    const WEEK_MS = 7 * 86_400_000;
    fc.assert(
      fc.property(
        instants,
        fc.constantFrom(...ZONES),
        fc.integer({ min: -3_600_000, max: WEEK_MS - 1 }),
        (now, zone, later) => {
          const starts = dayStartsAround(now, zone);
          const then = new Date(now.getTime() + later);
          // Yesterday back from `now` is covered only from its start; the week ahead always is.
          const found = dayAmong(starts, then);
          if (later >= 0) expect(found).not.toBeNull();
          if (found !== null) expect(found).toBe(localDayOf(then, zone));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("says nothing for an instant outside the days it was sent", () => {
    const now = new Date("2026-03-07T12:00:00Z");
    const starts = dayStartsAround(now, "America/New_York");
    expect(dayAmong(starts, new Date("2026-03-05T12:00:00Z"))).toBeNull();
    expect(dayAmong(starts, new Date("2026-03-20T12:00:00Z"))).toBeNull();
    // The week ahead spans the change to daylight time (2026-03-08): that day is 23 hours long.
    expect(dayAmong(starts, new Date("2026-03-09T03:59:00Z"))).toBe("2026-03-08");
    expect(dayAmong(starts, new Date("2026-03-09T04:00:00Z"))).toBe("2026-03-09");
  });
});
