/** Where a member is in a lesson they opened (migration 0025). */
export interface LessonProgressTable {
  member_id: string;
  /** A catalog id (src/domain/lessons/catalog.ts). */
  lesson_id: string;
  position: number;
  furthest: number;
  /** 1 once the member chose the right answer. */
  answered_correctly: number;
  last_answer: string | null;
  attempts: number;
  plan_step_id: string | null;
  started_at: string;
  updated_at: string;
}

/**
 * A lesson the member finished: read everywhere as "lesson completed" (progress, the caseload,
 * and other features that count verified behaviour). One row per member and lesson.
 */
export interface LessonCompletionTable {
  member_id: string;
  lesson_id: string;
  completed_at: string;
}

/** A lesson a clinician suggested to the member. */
export interface LessonAssignmentTable {
  member_id: string;
  lesson_id: string;
  assigned_by: string;
  assigned_at: string;
}
