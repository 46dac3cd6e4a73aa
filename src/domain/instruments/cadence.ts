import { addLocalDays, type LocalDay, localDayOf } from "../local-day";
import type { InstrumentId } from "./questionnaire";

/**
 * Suggested cadence for the instruments that are taken on a schedule (Today shows them as
 * due): BAM asks about the past 30 days, so monthly; BARC-10 every three months. Both are
 * suggestions an organization or member can change; the withdrawal and mood scales are taken
 * when wanted, so they are never "due".
 */
export const DEFAULT_CADENCE_DAYS: Partial<Record<InstrumentId, number>> = {
  bam: 30,
  "barc-10": 90,
};

export interface TakenAssessment {
  instrument: string;
  /** ISO-8601 instant. */
  at: string;
}

export interface AssessmentDue {
  instrument: InstrumentId;
  everyDays: number;
  lastTakenOn: LocalDay | null;
  /** The first day it is suggested again; today when never taken. */
  dueOn: LocalDay;
  due: boolean;
}

export function assessmentsDue(
  history: readonly TakenAssessment[],
  today: LocalDay,
  options: { timeZone: string; cadenceDays?: Partial<Record<InstrumentId, number>> },
): AssessmentDue[] {
  const cadence = options.cadenceDays ?? DEFAULT_CADENCE_DAYS;
  return (Object.entries(cadence) as [InstrumentId, number][]).map(([instrument, everyDays]) => {
    const days = history
      .filter((taken) => taken.instrument === instrument)
      .map((taken) => localDayOf(new Date(taken.at), options.timeZone))
      .sort();
    const lastTakenOn = days.at(-1) ?? null;
    const dueOn = lastTakenOn === null ? today : addLocalDays(lastTakenOn, everyDays);
    return { instrument, everyDays, lastTakenOn, dueOn, due: dueOn <= today };
  });
}
