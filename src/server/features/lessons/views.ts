import type { LessonEntry } from "../../../domain/api/lessons";
import { LESSONS, type LessonDefinition } from "../../../domain/lessons/catalog";
import { type LessonProgress, lessonStatus } from "../../../domain/lessons/engine";
import type { LessonProgressTable } from "../../db/tables/lessons";
import type { LessonRows } from "./queries";

/** A member's lessons in catalog order, each with where they are, if done, and who assigned it. */
export function lessonEntries(rows: LessonRows, only?: LessonDefinition): LessonEntry[] {
  const progress = new Map(rows.progress.map((row) => [row.lesson_id, row]));
  const completions = new Map(rows.completions.map((row) => [row.lesson_id, row.completed_at]));
  const assignments = new Map(rows.assignments.map((row) => [row.lesson_id, row]));
  return (only ? [only] : LESSONS).map((lesson) => {
    const row = progress.get(lesson.id);
    const completedAt = completions.get(lesson.id) ?? null;
    const assignment = assignments.get(lesson.id);
    const state = row ? progressOf(row, completedAt) : null;
    return {
      lessonId: lesson.id,
      // A completion stands even without a progress row (nothing deletes one, but be exact).
      status: completedAt ? "done" : lessonStatus(state),
      position: row?.position ?? 0,
      furthest: row?.furthest ?? 0,
      answeredCorrectly: row?.answered_correctly === 1,
      planStepId: row?.plan_step_id ?? null,
      startedAt: row?.started_at ?? null,
      completedAt,
      assignment: assignment
        ? {
            by: { id: assignment.assigned_by, displayName: assignment.display_name },
            at: assignment.assigned_at,
          }
        : null,
    };
  });
}

export function progressOf(
  row: LessonProgressTable | undefined,
  completedAt: string | null,
): LessonProgress | null {
  if (!row) return null;
  return {
    position: row.position,
    furthest: row.furthest,
    answeredCorrectly: row.answered_correctly === 1,
    completedAt,
  };
}
