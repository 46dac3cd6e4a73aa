import { TZDate } from "@date-fns/tz";

/**
 * A local day is a calendar date in a member's own time zone, written `YYYY-MM-DD`.
 * A check-in, a day with use and a streak all count in local days, so midnight is the
 * member's midnight wherever the server runs. Instants stay UTC; the zone only matters
 * when an instant is turned into a local day (or a local day into its first instant).
 *
 * Calendar arithmetic on local days is done on UTC midnights, where every day is 24 hours
 * long, so daylight-saving changes never make a day vanish or repeat. These run on every
 * request (a check-in computes its day twice), so they use plain arithmetic and one cached
 * Intl formatter per zone rather than date-fns' pattern parsing (docs/performance.md).
 */
export type LocalDay = string;

/** Written `YYYY-MM-DD`; the request schema (domain/api/local-day.ts) says so in its message. */
export const LOCAL_DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** UTC midnight of a day, in milliseconds (Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear
 * does not). */
function utcMidnightOf(day: LocalDay): number {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const midnight = new Date(Date.UTC(2000, month - 1, date));
  midnight.setUTCFullYear(year);
  return midnight.getTime();
}

function localDayAtUtcMidnight(ms: number): LocalDay {
  const date = new Date(ms);
  const pad = (value: number, width: number) => String(value).padStart(width, "0");
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

export function isLocalDay(value: string): boolean {
  if (!LOCAL_DAY_PATTERN.test(value)) return false;
  // Date rolls 2026-02-30 over to March; a real date formats back to itself.
  return localDayAtUtcMidnight(utcMidnightOf(value)) === value;
}

/** The member's calendar day at an instant. */
export function localDayOf(instant: Date, timeZone: string): LocalDay {
  const parts = dayFormatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year").padStart(4, "0")}-${part("month")}-${part("day")}`;
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** Building an Intl formatter costs far more than using one; zones are few, so keep each. */
function dayFormatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The first instant of a local day in a zone (the zone's rules decide when midnight is). */
export function startOfLocalDay(day: LocalDay, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date, timeZone).getTime());
}

/** A local day and the instant it begins in the member's zone. */
export interface DayStart {
  day: LocalDay;
  startsAt: string;
}

/**
 * The member's days from yesterday to a week ahead, each with its first instant. The server
 * sends them with who is signed in, so a phone can tell the member's day by comparing instants
 * (dayAmong) instead of building an Intl formatter, which costs a cheap phone a few hundred
 * milliseconds on first load (docs/performance.md). A week covers a phone left offline.
 */
export function dayStartsAround(now: Date, timeZone: string, daysAhead = 7): DayStart[] {
  const today = localDayOf(now, timeZone);
  return eachLocalDay(addLocalDays(today, -1), addLocalDays(today, daysAhead + 1)).map((day) => ({
    day,
    startsAt: startOfLocalDay(day, timeZone).toISOString(),
  }));
}

/** The day among `starts` that holds `now`, or null when `now` is outside them all. */
export function dayAmong(starts: readonly DayStart[], now: Date): LocalDay | null {
  const at = now.getTime();
  for (let i = 0; i + 1 < starts.length; i += 1) {
    const start = starts[i] as DayStart;
    const next = starts[i + 1] as DayStart;
    if (Date.parse(start.startsAt) <= at && at < Date.parse(next.startsAt)) return start.day;
  }
  return null;
}

export function addLocalDays(day: LocalDay, amount: number): LocalDay {
  return localDayAtUtcMidnight(utcMidnightOf(day) + amount * DAY_MS);
}

/** Calendar days from `from` to `to`: 0 for the same day, negative when `to` is earlier. */
export function localDaysBetween(from: LocalDay, to: LocalDay): number {
  return Math.round((utcMidnightOf(to) - utcMidnightOf(from)) / DAY_MS);
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
