import type { Kysely } from "kysely";
import { findLesson, type LessonId } from "../../domain/lessons/catalog";
import { lastPosition } from "../../domain/lessons/engine";
import type { Database } from "../../server/db/schema";

/**
 * Alex's lessons: "Triggers" and "HALT" done weeks ago, "After a lapse" halfway (read around
 * the lapse in the daily demo), and "Urge surfing" assigned by Sam, the clinician, not yet
 * opened. Deterministic for a given `now`; skipped when Alex already has lesson progress.
 */
const DAY_MS = 86_400_000;
const DONE: { lessonId: LessonId; daysAgo: number }[] = [
  { lessonId: "triggers", daysAgo: 60 },
  { lessonId: "halt", daysAgo: 20 },
];

export async function seedLessonsDemo(
  db: Kysely<Database>,
  memberId: string,
  clinicianId: string | undefined,
  now: Date,
): Promise<void> {
  const existing = await db
    .selectFrom("lesson_progress")
    .select("lesson_id")
    .where("member_id", "=", memberId)
    .executeTakeFirst();
  if (existing) return;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS).toISOString();
  for (const { lessonId, daysAgo } of DONE) {
    const lesson = findLesson(lessonId);
    if (!lesson) continue;
    await db
      .insertInto("lesson_progress")
      .values({
        member_id: memberId,
        lesson_id: lessonId,
        position: lastPosition(lesson),
        furthest: lastPosition(lesson),
        answered_correctly: 1,
        last_answer: lesson.options.find((option) => option.correct)?.key ?? null,
        attempts: 1,
        plan_step_id: null,
        started_at: at(daysAgo),
        updated_at: at(daysAgo),
      })
      .execute();
    await db
      .insertInto("lesson_completions")
      .values({ member_id: memberId, lesson_id: lessonId, completed_at: at(daysAgo) })
      .execute();
  }
  await db
    .insertInto("lesson_progress")
    .values({
      member_id: memberId,
      lesson_id: "managing-a-lapse",
      position: 1,
      furthest: 1,
      answered_correctly: 0,
      last_answer: null,
      attempts: 0,
      plan_step_id: null,
      started_at: at(40),
      updated_at: at(40),
    })
    .execute();
  if (clinicianId) {
    await db
      .insertInto("lesson_assignments")
      .values({
        member_id: memberId,
        lesson_id: "urge-surfing",
        assigned_by: clinicianId,
        assigned_at: at(2),
      })
      .execute();
  }
}
