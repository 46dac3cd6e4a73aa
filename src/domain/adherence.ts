import { localDayAt, type ScheduleDay } from "./dose-schedule";

/**
 * Which scheduled doses were taken, taken late, missed, or are still to come, and the
 * count a person reads as "doses taken this month 27/30". A dose counts as missed when the
 * member said so, or when its time plus a grace period has passed with nothing logged. The
 * grace period is a product choice (a clinic's dosing window is often a few hours), not a
 * clinical rule; the member's clinic decides what a missed dose means for them.
 */
export const DEFAULT_GRACE_MINUTES = 180;

export type DoseStatus = "taken" | "late" | "missed";

/** A dose the member logged; `scheduledFor` ties it to one scheduled dose when known. */
export interface LoggedDose {
  id: string;
  status: DoseStatus;
  /** When it was taken (null for a missed dose). */
  takenAt: Date | null;
  scheduledFor: Date | null;
  /** Newer logs for the same scheduled dose replace older ones. */
  recordedAt: Date;
}

export type ScheduledDoseState = "taken" | "late" | "missed" | "pending";

export interface ScheduledDoseOutcome {
  scheduledFor: Date;
  day: ScheduleDay;
  state: ScheduledDoseState;
  /** True when nothing was logged and the grace period ran out. */
  detected: boolean;
  doseId: string | null;
}

/**
 * Pairs each scheduled dose with the log that answers it: first a log naming that exact
 * scheduled instant, otherwise a log without one made on the same local day. Every log
 * answers at most one scheduled dose.
 */
export function matchDoses(
  scheduled: readonly Date[],
  logs: readonly LoggedDose[],
  timeZone: string,
): Map<number, LoggedDose> {
  const matched = new Map<number, LoggedDose>();
  const byInstant = new Map<number, LoggedDose>();
  for (const log of logs) {
    if (!log.scheduledFor) continue;
    const key = log.scheduledFor.getTime();
    const current = byInstant.get(key);
    if (!current || current.recordedAt.getTime() <= log.recordedAt.getTime()) {
      byInstant.set(key, log);
    }
  }
  for (const instant of scheduled) {
    const log = byInstant.get(instant.getTime());
    if (log) matched.set(instant.getTime(), log);
  }
  const looseByDay = new Map<ScheduleDay, LoggedDose[]>();
  for (const log of logs) {
    if (log.scheduledFor || !log.takenAt) continue;
    const day = localDayAt(log.takenAt, timeZone);
    looseByDay.set(day, [...(looseByDay.get(day) ?? []), log]);
  }
  for (const dayLogs of looseByDay.values()) {
    dayLogs.sort((a, b) => (a.takenAt?.getTime() ?? 0) - (b.takenAt?.getTime() ?? 0));
  }
  for (const instant of scheduled) {
    if (matched.has(instant.getTime())) continue;
    const log = looseByDay.get(localDayAt(instant, timeZone))?.shift();
    if (log) matched.set(instant.getTime(), log);
  }
  return matched;
}

/** Each scheduled dose's outcome at `now`. */
export function doseOutcomes(
  scheduled: readonly Date[],
  logs: readonly LoggedDose[],
  now: Date,
  timeZone: string,
  graceMinutes = DEFAULT_GRACE_MINUTES,
): ScheduledDoseOutcome[] {
  const matched = matchDoses(scheduled, logs, timeZone);
  return scheduled.map((instant) => {
    const log = matched.get(instant.getTime());
    const day = localDayAt(instant, timeZone);
    if (log) {
      return { scheduledFor: instant, day, state: log.status, detected: false, doseId: log.id };
    }
    const overdue = instant.getTime() + graceMinutes * 60_000 <= now.getTime();
    return {
      scheduledFor: instant,
      day,
      state: overdue ? "missed" : "pending",
      detected: overdue,
      doseId: null,
    };
  });
}

/** Scheduled doses whose time and grace period passed with nothing logged. */
export function detectMissedDoses(
  scheduled: readonly Date[],
  logs: readonly LoggedDose[],
  now: Date,
  timeZone: string,
  graceMinutes = DEFAULT_GRACE_MINUTES,
): Date[] {
  return doseOutcomes(scheduled, logs, now, timeZone, graceMinutes)
    .filter((outcome) => outcome.detected)
    .map((outcome) => outcome.scheduledFor);
}

export interface AdherenceSummary {
  /** Doses whose time has come: taken, late or missed (the "30" in 27/30). */
  due: number;
  /** Taken on time or late (the "27"). */
  taken: number;
  late: number;
  missed: number;
  /** Scheduled but still inside their time and grace period, nothing logged yet. */
  pending: number;
}

export function summarizeAdherence(outcomes: readonly ScheduledDoseOutcome[]): AdherenceSummary {
  const summary: AdherenceSummary = { due: 0, taken: 0, late: 0, missed: 0, pending: 0 };
  for (const outcome of outcomes) {
    if (outcome.state === "pending") {
      summary.pending += 1;
      continue;
    }
    summary.due += 1;
    if (outcome.state === "missed") summary.missed += 1;
    else summary.taken += 1;
    if (outcome.state === "late") summary.late += 1;
  }
  return summary;
}

/** Adherence over the scheduled doses of a window (computed by the caller from the schedule). */
export function adherence(
  scheduled: readonly Date[],
  logs: readonly LoggedDose[],
  now: Date,
  timeZone: string,
  graceMinutes = DEFAULT_GRACE_MINUTES,
): AdherenceSummary {
  return summarizeAdherence(doseOutcomes(scheduled, logs, now, timeZone, graceMinutes));
}

/**
 * Take-home doses: how far the ones on hand reach and whether to warn. With a known next
 * clinic visit, the warning comes when the doses on hand do not reach the visit's day;
 * without one, when one dose or none is left. How many take-homes a person gets is the
 * clinic's decision; Waymark only counts them.
 */
export const TAKE_HOMES_LOW_WITHOUT_VISIT = 1;

export interface TakeHomeOutlook {
  remaining: number;
  /** The last upcoming scheduled dose the take-homes cover, if any. */
  lastCovered: Date | null;
  /** The first upcoming scheduled dose no take-home covers, if known. */
  firstUncovered: Date | null;
  low: boolean;
}

export function takeHomeOutlook(
  remaining: number,
  upcoming: readonly Date[],
  nextClinicVisitDay: ScheduleDay | null,
  timeZone: string,
): TakeHomeOutlook {
  const onHand = Math.max(0, Math.floor(remaining));
  const reach = Math.min(onHand, upcoming.length);
  const lastCovered = reach > 0 ? (upcoming[reach - 1] ?? null) : null;
  const firstUncovered = upcoming[onHand] ?? null;
  const low =
    firstUncovered !== null &&
    (nextClinicVisitDay === null
      ? onHand <= TAKE_HOMES_LOW_WITHOUT_VISIT
      : localDayAt(firstUncovered, timeZone) < nextClinicVisitDay);
  return { remaining: onHand, lastCovered, firstUncovered, low };
}

/** Take-homes left after a dose is logged: one fewer when a take-home was taken, never below 0. */
export function countDownTakeHomes(onHand: number, consumed: number): number {
  return Math.max(0, onHand - consumed);
}
