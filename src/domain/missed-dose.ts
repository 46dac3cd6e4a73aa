import type { ScheduledDoseState } from "./adherence";
import { compareIso } from "./iso-order";
import type { Medication } from "./medication";

/**
 * What Waymark says after a missed dose of methadone or buprenorphine: call the clinic or
 * prescriber before the next dose, because tolerance falls without the medication; said more
 * firmly after doses missed on 3 or more days in a row, when tolerance may have fallen a lot.
 * It never names a dose or an amount: what to take next is the prescriber's decision.
 * Sources in docs/clinical-sources.md ("Missed doses").
 */
export const MISSED_DAYS_IN_A_ROW = 3;
/** How many days of scheduled doses a screen reads to count missed days in a row. */
export const MISSED_DOSE_LOOKBACK_DAYS = 7;

/** Opioid medications whose missed doses lower tolerance (naltrexone is not one). */
const OPIOID_MEDICATIONS: ReadonlySet<Medication> = new Set([
  "methadone",
  "buprenorphine",
  "buprenorphine_naloxone",
  "buprenorphine_extended_release_injection",
]);

export interface MissedDoseGuidance {
  messageKey: "medication.missed.callBeforeNext" | "medication.missed.callBeforeNextDays";
  /** Days with a missed dose, in a row, up to the latest dose whose time has come. */
  missedDays: number;
}

/**
 * From the scheduled doses of the last days (any order): the run of missed doses ending with
 * the latest dose whose time has come. A taken or late dose ends the run; doses still to come
 * do not count either way.
 */
export function missedDoseGuidance(
  medication: Medication,
  doses: readonly { scheduledFor: string; day: string; state: ScheduledDoseState }[],
): MissedDoseGuidance | null {
  if (!OPIOID_MEDICATIONS.has(medication)) return null;
  const due = doses
    .filter((dose) => dose.state !== "pending")
    .sort((a, b) => compareIso(b.scheduledFor, a.scheduledFor));
  const missedDays = new Set<string>();
  for (const dose of due) {
    if (dose.state !== "missed") break;
    missedDays.add(dose.day);
  }
  if (missedDays.size === 0) return null;
  return {
    messageKey:
      missedDays.size >= MISSED_DAYS_IN_A_ROW
        ? "medication.missed.callBeforeNextDays"
        : "medication.missed.callBeforeNext",
    missedDays: missedDays.size,
  };
}
