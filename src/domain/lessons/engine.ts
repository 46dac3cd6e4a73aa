import { z } from "zod";
import type { LessonDefinition, OptionKey } from "./catalog";

/**
 * How a member moves through a lesson, and when it counts as done. Positions number the
 * steps: 0 … screens-1 are the reading screens, `screens` is the question, `screens + 1` the
 * "try it this week" step. The same rules run in the app (to show where someone is) and on the
 * server (the truth, which refuses a skipped screen or an early completion).
 */

export const lessonStatusSchema = z.enum(["not_started", "in_progress", "done"]);
export type LessonStatus = z.infer<typeof lessonStatusSchema>;

export interface LessonProgress {
  /** Where the member is now (they may go back). */
  position: number;
  /** The furthest step they have reached. */
  furthest: number;
  /** Whether they have chosen the right answer at least once (a wrong one can be retried). */
  answeredCorrectly: boolean;
  completedAt: string | null;
}

export const questionPosition = (lesson: LessonDefinition) => lesson.screens;
export const tryItPosition = (lesson: LessonDefinition) => lesson.screens + 1;
export const lastPosition = tryItPosition;

export function lessonStatus(progress: LessonProgress | null): LessonStatus {
  if (progress === null) return "not_started";
  return progress.completedAt === null ? "in_progress" : "done";
}

export type MoveResult =
  | { ok: true; progress: LessonProgress }
  | { ok: false; reason: "out_of_range" | "skipped_ahead" };

/**
 * Going to a step: back to any step seen, or on to the next one — never past a screen not yet
 * read, so "done" means every screen was shown.
 */
export function moveTo(
  lesson: LessonDefinition,
  progress: LessonProgress | null,
  position: number,
): MoveResult {
  if (!Number.isInteger(position) || position < 0 || position > lastPosition(lesson)) {
    return { ok: false, reason: "out_of_range" };
  }
  const current = progress ?? startProgress();
  if (position > current.furthest + 1) return { ok: false, reason: "skipped_ahead" };
  return {
    ok: true,
    progress: { ...current, position, furthest: Math.max(current.furthest, position) },
  };
}

export function startProgress(): LessonProgress {
  return { position: 0, furthest: 0, answeredCorrectly: false, completedAt: null };
}

export function isCorrect(lesson: LessonDefinition, option: OptionKey): boolean {
  return lesson.options.some((candidate) => candidate.key === option && candidate.correct);
}

export function hasOption(lesson: LessonDefinition, option: string): option is OptionKey {
  return lesson.options.some((candidate) => candidate.key === option);
}

export type AnswerResult =
  | { ok: true; correct: boolean; progress: LessonProgress }
  | { ok: false; reason: "not_at_question" | "unknown_option" };

/** An answer once the question is reached; a right answer stays right if a later one is not. */
export function answer(
  lesson: LessonDefinition,
  progress: LessonProgress | null,
  option: string,
): AnswerResult {
  if (!hasOption(lesson, option)) return { ok: false, reason: "unknown_option" };
  if (progress === null || progress.furthest < questionPosition(lesson)) {
    return { ok: false, reason: "not_at_question" };
  }
  const correct = isCorrect(lesson, option);
  return {
    ok: true,
    correct,
    progress: { ...progress, answeredCorrectly: progress.answeredCorrectly || correct },
  };
}

/** Done means: every screen read and the question answered right (after as many tries as it took). */
export function canComplete(lesson: LessonDefinition, progress: LessonProgress | null): boolean {
  return (
    progress !== null && progress.furthest >= questionPosition(lesson) && progress.answeredCorrectly
  );
}
