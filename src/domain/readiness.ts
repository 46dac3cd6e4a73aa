import { z } from "zod";
import type { LocalDay } from "./local-day";

/**
 * The readiness ruler (Miller & Rollnick, Motivational Interviewing): how important change
 * is, how confident the person feels, how ready they are, each 0–10, and the stage of
 * change that suggests (Prochaska & DiClemente, as used in SAMHSA TIP 35). The stage is a
 * simple heuristic to choose words and suggestions, not an assessment; see
 * docs/clinical-sources.md. Every stage is shown as a place on the path, never as a failing.
 */

const rulerScore = z.number().int().min(0).max(10);

export const readinessRulerSchema = z.object({
  importance: rulerScore,
  confidence: rulerScore,
  readiness: rulerScore,
  note: z.string().trim().max(500).optional(),
});
export type ReadinessRuler = z.infer<typeof readinessRulerSchema>;

export const changeStageSchema = z.enum([
  "precontemplation",
  "contemplation",
  "preparation",
  "action",
  "maintenance",
]);
export type ChangeStage = z.infer<typeof changeStageSchema>;

export interface ReadinessRecord {
  importance: number;
  confidence: number;
  readiness: number;
  /** ISO-8601 instant. */
  recordedAt: string;
}

/** Ready to act: the top of the ruler. */
export const ACTION_READINESS = 8;
/** Ready to get ready: the middle of the ruler. */
export const PREPARATION_READINESS = 5;
/** Both importance and readiness this low: change is not on the table yet (and that is allowed). */
export const PRECONTEMPLATION_CEILING = 2;
/** Action sustained this long counts as maintenance (the stages-of-change model's six months). */
export const MAINTENANCE_DAYS = 180;

/**
 * Days on which the member recorded use (a check-in that said "used", or a recorded use), as
 * local days; "unknown" when the one asking may not see them, which never allows maintenance.
 */
export type UseDaysForStage = readonly LocalDay[] | "unknown";

/**
 * The stage a rating suggests:
 * - readiness 8–10 → action, or maintenance when every rating over the last 180 days or more
 *   has stayed at 8 or above and no use was recorded in the 180 days up to the rating
 *   (maintenance is six months of sustained change, so recent use keeps it at action);
 * - readiness 5–7 → preparation;
 * - readiness 0–4 → contemplation, or precontemplation when readiness and importance are
 *   both 2 or lower.
 * `history` may hold any earlier ratings (in any order, the current one may be included).
 */
export function stageOfChange(
  current: ReadinessRecord,
  history: readonly ReadinessRecord[],
  useDays: UseDaysForStage,
): ChangeStage {
  if (current.readiness >= ACTION_READINESS) {
    const sustained = actionSustainedSince(current, history) >= MAINTENANCE_DAYS;
    return sustained && !usedWithinMaintenance(current, useDays) ? "maintenance" : "action";
  }
  if (current.readiness >= PREPARATION_READINESS) return "preparation";
  if (
    current.readiness <= PRECONTEMPLATION_CEILING &&
    current.importance <= PRECONTEMPLATION_CEILING
  ) {
    return "precontemplation";
  }
  return "contemplation";
}

/**
 * Whether use was recorded in the MAINTENANCE_DAYS up to the rating. Days are compared as UTC
 * dates of the rating instant, so the edge may be off by the member's zone (under a day).
 */
function usedWithinMaintenance(current: ReadinessRecord, useDays: UseDaysForStage): boolean {
  if (useDays === "unknown") return true;
  const now = Date.parse(current.recordedAt);
  const to = new Date(now).toISOString().slice(0, 10);
  const from = new Date(now - MAINTENANCE_DAYS * 86_400_000).toISOString().slice(0, 10);
  return useDays.some((day) => day >= from && day <= to);
}

/** Days from the first of the unbroken run of action-level ratings ending now, to now. */
function actionSustainedSince(
  current: ReadinessRecord,
  history: readonly ReadinessRecord[],
): number {
  const now = Date.parse(current.recordedAt);
  const earlier = history
    .filter((record) => Date.parse(record.recordedAt) < now)
    .sort((a, b) => Date.parse(b.recordedAt) - Date.parse(a.recordedAt));
  let since = now;
  for (const record of earlier) {
    if (record.readiness < ACTION_READINESS) break;
    since = Date.parse(record.recordedAt);
  }
  return (now - since) / 86_400_000;
}
