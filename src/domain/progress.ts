import {
  addLocalDays,
  type LocalDay,
  localDaysBetween,
  maxLocalDay,
  minLocalDay,
} from "./local-day";

/**
 * Progress a person can see: days, streaks, lapses and how fast each return happened.
 * Pure functions over local days (see local-day.ts); the server computes the truth, the
 * browser can compute the same numbers for instant feedback.
 *
 * Definitions (the words on the progress screen must mean exactly this):
 * - The counted period runs from `recoveryStart` through `today`, both included: on the
 *   start day `daysSinceStart` is 1. Today counts as soon as it begins, and moves to
 *   "with use" if use is recorded later today.
 * - A day with use is a local day with a check-in that says `used`, or with at least one
 *   recorded use (recordUse). Several uses on one day make one day with use.
 * - Every other day in the period is a day without use, including a day with no check-in
 *   at all: use is recorded on purpose, so silence is not counted against anyone. Gaps in
 *   check-ins show in `checkinConsistency` instead.
 * - A lapse is a maximal run of consecutive days with use. Two days with use separated by
 *   one day without use are two lapses.
 * - A return is the first day without use after a lapse. `daysToReturn` counts the days
 *   from the first day of the lapse to the return day (a one-day lapse returned from the
 *   next day has `daysToReturn` 1). It is null while the lapse reaches today.
 * - A streak is a run of consecutive days without use; the current streak ends today (0
 *   when today has use). Nothing ever resets the total: a lapse never changes the count of
 *   any day before it.
 * - Averages cover check-ins in the last N days ending today. A trend compares that
 *   average with the N days just before; a change smaller than TREND_STEADY_BAND points
 *   (on the 0–10 scale) is "steady".
 */
export interface ProgressCheckin {
  date: LocalDay;
  used: boolean;
  mood: number;
  craving: number;
}

export interface ProgressInput {
  /** The member's current local day. */
  today: LocalDay;
  /** The day the member's account was created, in their zone. */
  accountCreatedOn: LocalDay;
  /** The member's own recovery start (the plan may set it); when absent, see recoveryStartOf. */
  recoveryStart?: LocalDay | null;
  checkins: readonly ProgressCheckin[];
  /** Local days of recorded uses, one entry per use; duplicates are expected. */
  useDays: readonly LocalDay[];
  /** What the member used to spend on a day of use, in their currency; null when unknown. */
  costPerDay?: number | null;
  /** Plan steps done and in the plan (dropped ones left out); null when there is no plan. */
  planSteps?: PlanStepCount | null;
  /**
   * What the whole check-in history says, for a caller that reads only recent check-ins (a
   * ten-year history need not cross the wire every time). With it, `checkins` may leave out
   * days before `recentCheckinsFrom(today)` that were not days with use.
   */
  checkinTotals?: CheckinTotals;
}

export interface CheckinTotals {
  /** The first check-in day of the whole history; null when there is none. */
  firstDay: LocalDay | null;
  /** Distinct check-in days within `checkinCountBounds(...)`, over the whole history. */
  daysCounted: number;
}

/** The windows (90 days and the 90 before, for the trend) need this many recent days. */
export const RECENT_CHECKIN_DAYS = 180;

export function recentCheckinsFrom(today: LocalDay): LocalDay {
  return addLocalDays(today, -(RECENT_CHECKIN_DAYS - 1));
}

/**
 * Which check-in days count towards consistency, knowable before the history is read: from
 * the member's own start when they set one; otherwise the start is the earlier of the
 * account's first day and the first check-in, which no check-in precedes, so only `today`
 * bounds the count.
 */
export function checkinCountBounds(
  explicitStart: LocalDay | null | undefined,
  today: LocalDay,
): { from: LocalDay | null; to: LocalDay } {
  return { from: explicitStart ?? null, to: today };
}

export interface PlanStepCount {
  done: number;
  total: number;
}

export interface LapseReturn {
  lapseStartedOn: LocalDay;
  lapseEndedOn: LocalDay;
  returnedOn: LocalDay | null;
  daysToReturn: number | null;
}

export type TrendDirection = "rising" | "falling" | "steady";
export interface Trend {
  /** This window's average minus the previous window's, rounded to one decimal. */
  change: number;
  direction: TrendDirection;
}

export interface WindowSummary {
  days: number;
  from: LocalDay;
  to: LocalDay;
  /** Days of this window inside the counted period (a new member has fewer than `days`). */
  daysCounted: number;
  checkinDays: number;
  /** checkinDays / daysCounted, 0–1; null when no day of the window is counted yet. */
  checkinConsistency: number | null;
  moodAverage: number | null;
  cravingAverage: number | null;
  moodTrend: Trend | null;
  cravingTrend: Trend | null;
}

export interface Progress {
  today: LocalDay;
  recoveryStart: LocalDay;
  daysSinceStart: number;
  totalDaysWithoutUse: number;
  daysWithUse: number;
  currentStreakDays: number;
  longestStreakDays: number;
  lapses: number;
  returns: LapseReturn[];
  lastUseOn: LocalDay | null;
  moneyRegained: number | null;
  planSteps: PlanStepCount | null;
  checkedInToday: boolean;
  /** Check-in days in the counted period / daysSinceStart; null before the start. */
  checkinConsistency: number | null;
  windows: { last7: WindowSummary; last30: WindowSummary; last90: WindowSummary };
}

export const TREND_STEADY_BAND = 0.5;

/** Without an explicit start: the earlier of the account's first day and the first check-in. */
export function recoveryStartOf(input: ProgressInput): LocalDay {
  if (input.recoveryStart) return input.recoveryStart;
  let start = input.accountCreatedOn;
  if (input.checkinTotals) {
    const { firstDay } = input.checkinTotals;
    return firstDay === null ? start : minLocalDay(start, firstDay);
  }
  for (const checkin of input.checkins) start = minLocalDay(start, checkin.date);
  return start;
}

/** Local days with use: check-ins that say used, plus recorded uses, each day once, sorted. */
export function daysWithUseOf(input: Pick<ProgressInput, "checkins" | "useDays">): LocalDay[] {
  const days = new Set<LocalDay>(input.useDays);
  for (const checkin of input.checkins) if (checkin.used) days.add(checkin.date);
  return [...days].sort();
}

export function computeProgress(input: ProgressInput): Progress {
  const { today } = input;
  const recoveryStart = recoveryStartOf(input);
  const daysSinceStart = Math.max(0, localDaysBetween(recoveryStart, today) + 1);
  const counted = (day: LocalDay) => day >= recoveryStart && day <= today;

  // Offsets from the start (0 = start day) keep the streak walk in integers.
  const useOffsets = daysWithUseOf(input)
    .filter(counted)
    .map((day) => localDaysBetween(recoveryStart, day));
  const runs = runsOf(useOffsets);

  let longestStreakDays = 0;
  let previousEnd = -1;
  for (const run of runs) {
    longestStreakDays = Math.max(longestStreakDays, run.start - previousEnd - 1);
    previousEnd = run.end;
  }
  const currentStreakDays = Math.max(0, daysSinceStart - 1 - previousEnd);
  longestStreakDays = Math.max(longestStreakDays, currentStreakDays);

  const returns = runs.map((run): LapseReturn => {
    const returnOffset = run.end + 1;
    const returned = returnOffset < daysSinceStart;
    return {
      lapseStartedOn: addLocalDays(recoveryStart, run.start),
      lapseEndedOn: addLocalDays(recoveryStart, run.end),
      returnedOn: returned ? addLocalDays(recoveryStart, returnOffset) : null,
      daysToReturn: returned ? returnOffset - run.start : null,
    };
  });

  const daysWithUse = useOffsets.length;
  const totalDaysWithoutUse = daysSinceStart - daysWithUse;
  const costPerDay = input.costPerDay ?? null;
  const checkinDaysCounted =
    input.checkinTotals?.daysCounted ??
    new Set(input.checkins.map((c) => c.date).filter(counted)).size;
  const lastRun = runs.at(-1);

  return {
    today,
    recoveryStart,
    daysSinceStart,
    totalDaysWithoutUse,
    daysWithUse,
    currentStreakDays,
    longestStreakDays,
    lapses: runs.length,
    returns,
    lastUseOn: lastRun ? addLocalDays(recoveryStart, lastRun.end) : null,
    moneyRegained: costPerDay === null ? null : roundTo(costPerDay * totalDaysWithoutUse, 2),
    planSteps: input.planSteps ?? null,
    checkedInToday: input.checkins.some((c) => c.date === today),
    checkinConsistency:
      daysSinceStart === 0 ? null : roundTo(checkinDaysCounted / daysSinceStart, 3),
    windows: {
      last7: summarizeWindow(input.checkins, today, recoveryStart, 7),
      last30: summarizeWindow(input.checkins, today, recoveryStart, 30),
      last90: summarizeWindow(input.checkins, today, recoveryStart, 90),
    },
  };
}

/**
 * Days without use immediately before `day` (the streak that ends the day before): a
 * lapse after many such days meets a body whose tolerance has dropped.
 */
export function daysWithoutUseBefore(
  input: Omit<ProgressInput, "today" | "costPerDay">,
  day: LocalDay,
): number {
  const start = recoveryStartOf({ ...input, today: day });
  const dayBefore = addLocalDays(day, -1);
  if (dayBefore < start) return 0;
  return computeProgress({ ...input, recoveryStart: start, today: dayBefore }).currentStreakDays;
}

interface Run {
  start: number;
  end: number;
}

/** Sorted, distinct offsets grouped into maximal runs of consecutive numbers. */
function runsOf(sortedOffsets: readonly number[]): Run[] {
  const runs: Run[] = [];
  for (const offset of sortedOffsets) {
    const last = runs.at(-1);
    if (last && offset === last.end + 1) last.end = offset;
    else runs.push({ start: offset, end: offset });
  }
  return runs;
}

function summarizeWindow(
  checkins: readonly ProgressCheckin[],
  today: LocalDay,
  recoveryStart: LocalDay,
  days: number,
): WindowSummary {
  const from = addLocalDays(today, -(days - 1));
  const previousFrom = addLocalDays(from, -days);
  const inWindow = checkins.filter((c) => c.date >= from && c.date <= today);
  const inPrevious = checkins.filter((c) => c.date >= previousFrom && c.date < from);
  const firstCounted = maxLocalDay(from, recoveryStart);
  const daysCounted = Math.max(0, localDaysBetween(firstCounted, today) + 1);
  const checkinDays = new Set(inWindow.filter((c) => c.date >= firstCounted).map((c) => c.date))
    .size;
  const moodAverage = average(inWindow.map((c) => c.mood));
  const cravingAverage = average(inWindow.map((c) => c.craving));
  return {
    days,
    from,
    to: today,
    daysCounted,
    checkinDays,
    checkinConsistency: daysCounted === 0 ? null : roundTo(checkinDays / daysCounted, 3),
    moodAverage: moodAverage === null ? null : roundTo(moodAverage, 1),
    cravingAverage: cravingAverage === null ? null : roundTo(cravingAverage, 1),
    moodTrend: trendOf(moodAverage, average(inPrevious.map((c) => c.mood))),
    cravingTrend: trendOf(cravingAverage, average(inPrevious.map((c) => c.craving))),
  };
}

function trendOf(current: number | null, previous: number | null): Trend | null {
  if (current === null || previous === null) return null;
  const change = roundTo(current - previous, 1);
  const direction: TrendDirection =
    Math.abs(current - previous) < TREND_STEADY_BAND
      ? "steady"
      : current > previous
        ? "rising"
        : "falling";
  return { change, direction };
}

function average(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
