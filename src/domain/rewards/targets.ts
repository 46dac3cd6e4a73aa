import { z } from "zod";
import type { OccasionOutcome } from "./schedule";

/** The behaviours staff verify (issue 18); each is recorded by staff as met or missed. */
export const targetKindSchema = z.enum([
  "negative_urine_screen",
  "attended_visit",
  "observed_dose",
  // Verified by staff today; the lessons feature's completions can verify it later.
  "lesson_completed",
]);
export type TargetKind = z.infer<typeof targetKindSchema>;

/** How often the target comes up: "twice a week" is 2. */
export const timesPerWeekSchema = z.number().int().min(1).max(7);

export interface OccasionRecord {
  id: string;
  /** "met", "missed", or "correction" for a row that takes back `correctsId`. */
  outcome: string;
  correctsId: string | null;
}

/** The occasions that still stand, in the order given: corrections take theirs out. */
export function standingOccasions<T extends OccasionRecord>(records: readonly T[]): T[] {
  const corrected = new Set(
    records.filter((r) => r.outcome === "correction").map((r) => r.correctsId),
  );
  return records.filter((r) => r.outcome !== "correction" && !corrected.has(r.id));
}

/** The run's history: met or missed for each standing occasion, in the order given. */
export function outcomesOf(records: readonly OccasionRecord[]): OccasionOutcome[] {
  return standingOccasions(records).map((r) => (r.outcome === "met" ? "met" : "missed"));
}
