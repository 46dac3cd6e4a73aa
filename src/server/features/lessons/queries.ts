import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { LessonProgressTable } from "../../db/tables/lessons";

/** A member's lesson rows: progress, completions and assignments (with who assigned them). */
export interface LessonRows {
  progress: LessonProgressTable[];
  completions: { lesson_id: string; completed_at: string }[];
  assignments: {
    lesson_id: string;
    assigned_by: string;
    assigned_at: string;
    display_name: string | null;
  }[];
}

export async function lessonRows(
  db: Kysely<Database>,
  memberId: string,
  lessonId?: string,
): Promise<LessonRows> {
  const [progress, completions, assignments] = await Promise.all([
    db
      .selectFrom("lesson_progress")
      .selectAll()
      .where("member_id", "=", memberId)
      .$if(lessonId !== undefined, (q) => q.where("lesson_id", "=", lessonId as string))
      .execute(),
    db
      .selectFrom("lesson_completions")
      .select(["lesson_id", "completed_at"])
      .where("member_id", "=", memberId)
      .$if(lessonId !== undefined, (q) => q.where("lesson_id", "=", lessonId as string))
      .execute(),
    db
      .selectFrom("lesson_assignments as a")
      .innerJoin("users as u", "u.id", "a.assigned_by")
      .select(["a.lesson_id", "a.assigned_by", "a.assigned_at", "u.display_name"])
      .where("a.member_id", "=", memberId)
      .$if(lessonId !== undefined, (q) => q.where("a.lesson_id", "=", lessonId as string))
      .execute(),
  ]);
  return { progress, completions, assignments };
}

export function findProgress(db: Kysely<Database>, memberId: string, lessonId: string) {
  return db
    .selectFrom("lesson_progress")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("lesson_id", "=", lessonId)
    .executeTakeFirst();
}

export async function saveProgress(db: Kysely<Database>, row: LessonProgressTable): Promise<void> {
  const { member_id: _, lesson_id: __, started_at: ___, ...changes } = row;
  await db
    .insertInto("lesson_progress")
    .values(row)
    .onConflict((conflict) => conflict.columns(["member_id", "lesson_id"]).doUpdateSet(changes))
    .execute();
}

/** True when this call recorded the completion; false when the lesson was already done. */
export async function insertCompletion(
  db: Kysely<Database>,
  memberId: string,
  lessonId: string,
  at: Date,
): Promise<boolean> {
  const result = await db
    .insertInto("lesson_completions")
    .values({ member_id: memberId, lesson_id: lessonId, completed_at: at.toISOString() })
    .onConflict((conflict) => conflict.columns(["member_id", "lesson_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** True when this call recorded the assignment; false when the lesson was already assigned. */
export async function insertAssignment(
  db: Kysely<Database>,
  row: { member_id: string; lesson_id: string; assigned_by: string; assigned_at: string },
): Promise<boolean> {
  const result = await db
    .insertInto("lesson_assignments")
    .values(row)
    .onConflict((conflict) => conflict.columns(["member_id", "lesson_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** True when there was an assignment to remove. */
export async function deleteAssignment(
  db: Kysely<Database>,
  memberId: string,
  lessonId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom("lesson_assignments")
    .where("member_id", "=", memberId)
    .where("lesson_id", "=", lessonId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Whether a plan step still exists (the plan's own table, read here with a small query). */
export async function planStepExists(
  db: Kysely<Database>,
  memberId: string,
  stepId: string,
): Promise<boolean> {
  const step = await db
    .selectFrom("plan_steps")
    .select("id")
    .where("member_id", "=", memberId)
    .where("id", "=", stepId)
    .executeTakeFirst();
  return step !== undefined;
}
