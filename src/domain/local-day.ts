import { TZDate, tz } from "@date-fns/tz";
import { addDays, differenceInCalendarDays, format, isValid, parseISO } from "date-fns";
import { z } from "zod";

/**
 * A local day is a calendar date in a member's own time zone, written `YYYY-MM-DD`.
 * A check-in, a day with use and a streak all count in local days, so midnight is the
 * member's midnight wherever the server runs. Instants stay UTC; the zone only matters
 * when an instant is turned into a local day (or a local day into its first instant).
 *
 * Calendar arithmetic on local days is done in UTC by date-fns, where every day is 24
 * hours long, so daylight-saving changes never make a day vanish or repeat.
 */
export type LocalDay = string;

const LOCAL_DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const UTC = tz("UTC");

export function isLocalDay(value: string): boolean {
  if (!LOCAL_DAY_PATTERN.test(value)) return false;
  const parsed = parseISO(value, { in: UTC });
  // parseISO rolls 2026-02-30 over to March; a real date formats back to itself.
  return isValid(parsed) && format(parsed, "yyyy-MM-dd") === value;
}

export const localDaySchema = z
  .string()
  .regex(LOCAL_DAY_PATTERN, { message: "Use a date written as YYYY-MM-DD" })
  .refine(isLocalDay, { message: "That date is not on the calendar" });

/** The member's calendar day at an instant. */
export function localDayOf(instant: Date, timeZone: string): LocalDay {
  return format(instant, "yyyy-MM-dd", { in: tz(timeZone) });
}

/** The first instant of a local day in a zone (the zone's rules decide when midnight is). */
export function startOfLocalDay(day: LocalDay, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date, timeZone).getTime());
}

export function addLocalDays(day: LocalDay, amount: number): LocalDay {
  return format(addDays(parseISO(day, { in: UTC }), amount), "yyyy-MM-dd");
}

/** Calendar days from `from` to `to`: 0 for the same day, negative when `to` is earlier. */
export function localDaysBetween(from: LocalDay, to: LocalDay): number {
  return differenceInCalendarDays(parseISO(to, { in: UTC }), parseISO(from, { in: UTC }), {
    in: UTC,
  });
}

/** Every day from `from` through `to`, inclusive; empty when `to` is before `from`. */
export function eachLocalDay(from: LocalDay, to: LocalDay): LocalDay[] {
  const count = localDaysBetween(from, to) + 1;
  const days: LocalDay[] = [];
  for (let i = 0; i < count; i += 1) days.push(addLocalDays(from, i));
  return days;
}

/** Local days compare correctly as strings (fixed width, most significant first). */
export const minLocalDay = (a: LocalDay, b: LocalDay): LocalDay => (a <= b ? a : b);
export const maxLocalDay = (a: LocalDay, b: LocalDay): LocalDay => (a >= b ? a : b);

/** Nothing Waymark records happened before this day (a typo guard, not a clinical rule). */
export const EARLIEST_DAY: LocalDay = "1900-01-01";
/** Phone clocks run a little fast; an instant this far ahead of the server still counts as now. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

export type InstantProblem = "in_future" | "too_early";

/** Why an instant a person reports ("when did it happen") cannot be right, or null. */
export function instantProblem(at: Date, now: Date): InstantProblem | null {
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) return "in_future";
  if (at.getTime() < Date.UTC(1900, 0, 1)) return "too_early";
  return null;
}
