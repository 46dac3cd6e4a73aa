import { addLocalDays, EARLIEST_DAY, type LocalDay } from "./local-day";

/**
 * The daily check-in: one per local day in the member's zone, edited in place. A member
 * may check in for a past day they missed, and for tomorrow by their own calendar only
 * within a day of slack (a phone set to another zone, a check-in just after midnight).
 */
export const CHECKIN_FUTURE_SLACK_DAYS = 1;

export type CheckinDateProblem = "in_future" | "too_early";

export function checkinDateProblem(date: LocalDay, today: LocalDay): CheckinDateProblem | null {
  if (date > addLocalDays(today, CHECKIN_FUTURE_SLACK_DAYS)) return "in_future";
  if (date < EARLIEST_DAY) return "too_early";
  return null;
}

/** HALT: hungry, angry, lonely, tired — four states that make a craving more likely. */
export const HALT_STATES = ["hungry", "angry", "lonely", "tired"] as const;
export type HaltState = (typeof HALT_STATES)[number];
export type Halt = Record<HaltState, boolean>;
