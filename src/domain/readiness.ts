import { z } from "zod";

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
 * The stage a rating suggests:
 * - readiness 8–10 → action, or maintenance when every rating over the last 180 days or more
 *   has stayed at 8 or above;
 * - readiness 5–7 → preparation;
 * - readiness 0–4 → contemplation, or precontemplation when readiness and importance are
 *   both 2 or lower.
 * `history` may hold any earlier ratings (in any order, the current one may be included).
 */
export function stageOfChange(
  current: ReadinessRecord,
  history: readonly ReadinessRecord[] = [],
): ChangeStage {
  if (current.readiness >= ACTION_READINESS) {
    return actionSustainedSince(current, history) >= MAINTENANCE_DAYS ? "maintenance" : "action";
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
