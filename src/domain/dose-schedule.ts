import { TZDate, tz } from "@date-fns/tz";
import { format, isValid, parseISO } from "date-fns";
import { z } from "zod";
import { compareIso } from "./iso-order";

/**
 * When a regimen's doses fall: every day, on chosen weekdays, or every N weeks from a start
 * date (extended-release injections). Times are the member's wall-clock times, so a 09:00
 * dose stays at 09:00 across daylight-saving changes; instants are computed per local day
 * in the member's zone by @date-fns/tz. A wall time that does not exist (02:30 on the
 * spring-forward night) moves forward by the gap (03:30); a time that happens twice (01:30
 * on the fall-back night) is taken at its first occurrence, so every scheduled dose has
 * exactly one instant.
 */

/** 'YYYY-MM-DD' in the member's zone. */
export type ScheduleDay = string;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
const UTC = tz("UTC");

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const weekdaySchema = z.enum(WEEKDAYS);

export const localTimeSchema = z
  .string()
  .regex(TIME_PATTERN, { message: "Use a time written as HH:MM (24-hour clock)" });

export function isScheduleDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false;
  const parsed = parseISO(value, { in: UTC });
  return isValid(parsed) && format(parsed, "yyyy-MM-dd") === value;
}

export const scheduleDaySchema = z
  .string()
  .regex(DAY_PATTERN, { message: "Use a date written as YYYY-MM-DD" })
  .refine(isScheduleDay, { message: "That date is not on the calendar" });

const timesSchema = z
  .array(localTimeSchema)
  .min(1, { message: "Give at least one time" })
  .max(6, { message: "Give at most six times a day" })
  .refine((times) => new Set(times).size === times.length, {
    message: "Each time may appear only once",
  });

export const doseScheduleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("daily"), times: timesSchema }),
  z.object({
    kind: z.literal("weekdays"),
    days: z
      .array(weekdaySchema)
      .min(1, { message: "Choose at least one day" })
      .max(7)
      .refine((days) => new Set(days).size === days.length, {
        message: "Each day may appear only once",
      }),
    times: timesSchema,
  }),
  z.object({
    kind: z.literal("every_n_weeks"),
    intervalWeeks: z.number().int().min(1).max(52),
    startDate: scheduleDaySchema,
    times: timesSchema,
  }),
]);
export type DoseSchedule = z.infer<typeof doseScheduleSchema>;

// Calendar arithmetic on local days runs on UTC dates, where every day is 24 hours long, so
// no zone's daylight-saving change can make a day vanish or repeat. Schedules walk hundreds of
// days per request, so this stays on plain UTC dates rather than parsing and formatting text.
const DAY_MS = 86_400_000;

function dayNumber(day: ScheduleDay): number {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, date) / DAY_MS;
}

function dayFromNumber(value: number): ScheduleDay {
  return new Date(value * DAY_MS).toISOString().slice(0, 10);
}

export function addScheduleDays(day: ScheduleDay, amount: number): ScheduleDay {
  return dayFromNumber(dayNumber(day) + amount);
}

export function scheduleDaysBetween(from: ScheduleDay, to: ScheduleDay): number {
  return dayNumber(to) - dayNumber(from);
}

export function weekdayOf(day: ScheduleDay): Weekday {
  // getUTCDay: 0 = Sunday … 6 = Saturday; WEEKDAYS starts on Monday (ISO 8601).
  return WEEKDAYS[(new Date(dayNumber(day) * DAY_MS).getUTCDay() + 6) % 7] as Weekday;
}

export function localDayAt(instant: Date, timeZone: string): ScheduleDay {
  return format(instant, "yyyy-MM-dd", { in: zoneOf(timeZone) });
}

export function localTimeAt(instant: Date, timeZone: string): string {
  return format(instant, "HH:mm", { in: zoneOf(timeZone) });
}

const zones = new Map<string, ReturnType<typeof tz>>();
function zoneOf(timeZone: string) {
  let zone = zones.get(timeZone);
  if (!zone) {
    zone = tz(timeZone);
    zones.set(timeZone, zone);
  }
  return zone;
}

/** The instant a wall-clock time on a local day happens in a zone (see the note above on DST). */
export function instantAt(day: ScheduleDay, time: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(year, month - 1, date, hours, minutes, timeZone).getTime());
}

/** Does the schedule have doses on this local day? */
export function isDoseDay(schedule: DoseSchedule, day: ScheduleDay): boolean {
  switch (schedule.kind) {
    case "daily":
      return true;
    case "weekdays":
      return schedule.days.includes(weekdayOf(day));
    case "every_n_weeks": {
      const since = scheduleDaysBetween(schedule.startDate, day);
      return since >= 0 && since % (7 * schedule.intervalWeeks) === 0;
    }
  }
}

/** Scheduled dose instants on local days from `from` through `to` (both included), in order. */
export function scheduledDoseInstants(
  schedule: DoseSchedule,
  from: ScheduleDay,
  to: ScheduleDay,
  timeZone: string,
): Date[] {
  const instants: Date[] = [];
  const times = [...schedule.times].sort();
  const count = scheduleDaysBetween(from, to) + 1;
  for (let offset = 0; offset < count; offset += 1) {
    const day = addScheduleDays(from, offset);
    if (!isDoseDay(schedule, day)) continue;
    for (const time of times) instants.push(instantAt(day, time, timeZone));
  }
  // Two wall times can land on one instant at a DST gap (02:30 moves to 03:30 beside 03:30).
  return dedupeInstants(instants);
}

/** A schedule in force from a local day until the day before the next one starts. */
export interface SchedulePeriod {
  schedule: DoseSchedule;
  effectiveFrom: ScheduleDay;
}

/** A prescription change as entered: in force from its effective day on. */
export interface ScheduleChange extends SchedulePeriod {
  /** When it was entered; among changes, the later entry wins. */
  recordedAt: string;
}

/**
 * The periods a history of changes adds up to. Each change means "from this day on": taken
 * in the order they were entered, a change replaces every period that starts on or after
 * its own day, so a change entered later with an earlier date supersedes what it covers.
 */
export function effectivePeriods(changes: readonly ScheduleChange[]): SchedulePeriod[] {
  const ordered = [...changes].sort((a, b) => compareIso(a.recordedAt, b.recordedAt));
  let timeline: SchedulePeriod[] = [];
  for (const change of ordered) {
    timeline = timeline.filter((period) => period.effectiveFrom < change.effectiveFrom);
    timeline.push({ schedule: change.schedule, effectiveFrom: change.effectiveFrom });
  }
  return timeline;
}

/**
 * Scheduled doses across a regimen's history: each period's schedule applies from its
 * effective day up to the day before the next period begins; nothing is scheduled before
 * the first period.
 */
export function scheduledDosesForPeriods(
  periods: readonly SchedulePeriod[],
  from: ScheduleDay,
  to: ScheduleDay,
  timeZone: string,
): Date[] {
  const ordered = [...periods].sort((a, b) => compareIso(a.effectiveFrom, b.effectiveFrom));
  const instants: Date[] = [];
  ordered.forEach((period, index) => {
    const next = ordered[index + 1];
    const periodEnd = next ? addScheduleDays(next.effectiveFrom, -1) : to;
    const start = period.effectiveFrom > from ? period.effectiveFrom : from;
    const end = periodEnd < to ? periodEnd : to;
    if (start > end) return;
    instants.push(...scheduledDoseInstants(period.schedule, start, end, timeZone));
  });
  return dedupeInstants(instants);
}

/** The scheduled dose nearest to an instant, within `withinMs`; null when none is that close. */
export function nearestScheduledDose(
  periods: readonly SchedulePeriod[],
  at: Date,
  timeZone: string,
  withinMs = 12 * 3600_000,
): Date | null {
  const day = localDayAt(at, timeZone);
  const candidates = scheduledDosesForPeriods(
    periods,
    addScheduleDays(day, -1),
    addScheduleDays(day, 1),
    timeZone,
  );
  let best: Date | null = null;
  for (const candidate of candidates) {
    const distance = Math.abs(candidate.getTime() - at.getTime());
    if (distance > withinMs) continue;
    if (!best || distance < Math.abs(best.getTime() - at.getTime())) best = candidate;
  }
  return best;
}

/** The next `count` scheduled doses strictly after an instant, looking at most `horizonDays` ahead. */
export function upcomingDoses(
  schedule: DoseSchedule,
  after: Date,
  timeZone: string,
  count: number,
  horizonDays = 400,
): Date[] {
  const upcoming: Date[] = [];
  let day = localDayAt(after, timeZone);
  for (let offset = 0; offset <= horizonDays && upcoming.length < count; offset += 1) {
    for (const instant of scheduledDoseInstants(schedule, day, day, timeZone)) {
      if (instant.getTime() > after.getTime() && upcoming.length < count) upcoming.push(instant);
    }
    day = addScheduleDays(day, 1);
  }
  return upcoming;
}

function dedupeInstants(instants: Date[]): Date[] {
  const seen = new Set<number>();
  return instants
    .sort((a, b) => a.getTime() - b.getTime())
    .filter((instant) => {
      if (seen.has(instant.getTime())) return false;
      seen.add(instant.getTime());
      return true;
    });
}
