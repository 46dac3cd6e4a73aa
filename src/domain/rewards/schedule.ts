import { z } from "zod";

/**
 * Contingency management's escalating schedule (Higgins et al. 1994; NIDA, Principles of Drug
 * Addiction Treatment): each verified occasion in a row is worth more than the last, a missed
 * occasion starts the climb again from the first value, and a bonus marks every few in a row.
 * Everything is in points an organization configures; no money value lives in the code.
 */
export const escalationScheduleSchema = z.object({
  /** Points for the first met occasion, and again for the first one after a miss. */
  startPoints: z.number().int().min(1).max(10_000),
  /** Added for each further met occasion in a row. */
  stepPoints: z.number().int().min(0).max(10_000),
  /** The escalating value stops climbing here (the bonus comes on top); null: no ceiling. */
  maxPointsPerOccasion: z.number().int().min(1).max(100_000).nullable(),
  /** A bonus on every n-th met occasion in a row; null: no bonus. */
  bonusEvery: z.number().int().min(2).max(100).nullable(),
  bonusPoints: z.number().int().min(0).max(100_000),
});
export type EscalationSchedule = z.infer<typeof escalationScheduleSchema>;

export const rewardSettingsSchema = z.object({
  schedule: escalationScheduleSchema,
  /** The most points one person can earn in one calendar year in this organization. */
  yearlyCapPoints: z.number().int().min(0).max(10_000_000),
});
export type RewardSettings = z.infer<typeof rewardSettingsSchema>;

/**
 * Higgins et al. (1994)'s schedule — $2.50, +$1.25 per consecutive negative specimen, a $10
 * bonus for every three in a row — in its proportions (2 : 1 : 8), as points: a starting point
 * for an organization's own choice in the settings form, never applied without being saved.
 */
export const PUBLISHED_SCHEDULE_PROPORTIONS: EscalationSchedule = {
  startPoints: 10,
  stepPoints: 5,
  maxPointsPerOccasion: null,
  bonusEvery: 3,
  bonusPoints: 40,
};

export type OccasionOutcome = "met" | "missed";

/** Met occasions in a row at the end of a history (in the order they were recorded). */
export function streakOf(history: readonly OccasionOutcome[]): number {
  let streak = 0;
  for (const outcome of history) streak = outcome === "met" ? streak + 1 : 0;
  return streak;
}

/** What the schedule gives the n-th met occasion in a row (n ≥ 1), before any cap. */
export function scheduledPoints(
  schedule: EscalationSchedule,
  inARow: number,
): { base: number; bonus: number; total: number } {
  const n = Math.max(1, Math.floor(inARow));
  const climbing = schedule.startPoints + schedule.stepPoints * (n - 1);
  const base = Math.min(climbing, schedule.maxPointsPerOccasion ?? climbing);
  const bonus =
    schedule.bonusEvery !== null && n % schedule.bonusEvery === 0 ? schedule.bonusPoints : 0;
  return { base, bonus, total: base + bonus };
}

/** What the next met occasion would earn, for "your next one is worth 15 points". */
export function nextOccasionPoints(
  schedule: EscalationSchedule,
  history: readonly OccasionOutcome[],
): number {
  return scheduledPoints(schedule, streakOf(history) + 1).total;
}

export type EarningReason = "earned" | "cap_partial" | "cap_reached" | "missed";

export interface OccasionEarning {
  /** Met occasions in a row including this one (0 after a miss). */
  streak: number;
  /** What the schedule gives, before the yearly cap. */
  scheduled: number;
  /** What is added to the ledger. */
  awarded: number;
  /** What the cap kept back. */
  withheld: number;
  reason: EarningReason;
}

/**
 * The points one verified occasion adds. A miss earns nothing and resets the climb; a met
 * occasion earns what the schedule gives, trimmed so the year's total never passes the cap —
 * the occasion still counts toward the streak, so reaching the cap costs the person nothing
 * but the points themselves.
 */
export function earningFor(
  settings: RewardSettings,
  history: readonly OccasionOutcome[],
  outcome: OccasionOutcome,
  earnedThisYear: number,
): OccasionEarning {
  if (outcome === "missed") {
    return { streak: 0, scheduled: 0, awarded: 0, withheld: 0, reason: "missed" };
  }
  const streak = streakOf(history) + 1;
  const scheduled = scheduledPoints(settings.schedule, streak).total;
  const room = Math.max(0, settings.yearlyCapPoints - Math.max(0, earnedThisYear));
  const awarded = Math.min(scheduled, room);
  const withheld = scheduled - awarded;
  const reason = withheld === 0 ? "earned" : awarded === 0 ? "cap_reached" : "cap_partial";
  return { streak, scheduled, awarded, withheld, reason };
}
