// Lessons: short screens, a question with kind feedback and a "try it this week" step, read by
// the member at their own pace. Only the member moves through, answers and finishes a lesson.
import type { Kysely } from "kysely";
import type { LessonAnswer, LessonEntry, LessonList } from "../../../domain/api/lessons";
import { findLesson, type LessonDefinition } from "../../../domain/lessons/catalog";
import { answer, canComplete, moveTo } from "../../../domain/lessons/engine";
import type { Database } from "../../db/schema";
import type { LessonProgressTable } from "../../db/tables/lessons";
import { AppError, notFound } from "../../errors";
import type { IdempotentResult, WriteOnce } from "../../http/idempotency";
import { authorizeMemberAccess } from "../../security/policy";
import type { Actor } from "../../security/session";
// Adding the "try it this week" step is the member adding a step to their own plan: it goes
// through the plan feature's own service so plan history and undo see it like any other step
// (the same deliberate exception the care feature makes for an accepted suggestion).
import { createStep } from "../plan/service";
import * as queries from "./queries";
import { lessonEntries, progressOf } from "./views";

export async function listLessons(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
): Promise<LessonList> {
  await authorizeMemberAccess(db, actor, {
    memberId,
    category: "lessons",
    action: "read",
    resource: "lessons",
  });
  return { lessons: lessonEntries(await queries.lessonRows(db, memberId)) };
}

/** Only the member writes their lesson progress; anyone else is refused, and that is audited. */
function authorizeOwnWrite(db: Kysely<Database>, actor: Actor, memberId: string) {
  return authorizeMemberAccess(db, actor, {
    memberId,
    category: "lessons",
    action: "write",
    resource: "lesson progress",
  });
}

function lessonOrThrow(lessonId: string): LessonDefinition {
  const lesson = findLesson(lessonId);
  if (!lesson) throw notFound("That lesson");
  return lesson;
}

async function entry(db: Kysely<Database>, memberId: string, lesson: LessonDefinition) {
  const [one] = lessonEntries(await queries.lessonRows(db, memberId, lesson.id), lesson);
  if (!one) throw notFound("That lesson");
  return one;
}

async function currentState(db: Kysely<Database>, memberId: string, lesson: LessonDefinition) {
  const rows = await queries.lessonRows(db, memberId, lesson.id);
  const row = rows.progress[0];
  return { row, progress: progressOf(row, rows.completions[0]?.completed_at ?? null) };
}

function rowFor(
  memberId: string,
  lesson: LessonDefinition,
  existing: LessonProgressTable | undefined,
  now: Date,
): LessonProgressTable {
  return (
    existing ?? {
      member_id: memberId,
      lesson_id: lesson.id,
      position: 0,
      furthest: 0,
      answered_correctly: 0,
      last_answer: null,
      attempts: 0,
      plan_step_id: null,
      started_at: now.toISOString(),
      updated_at: now.toISOString(),
    }
  );
}

/** Where the member is now, so they can come back to the same screen. */
export async function saveLessonPosition(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  lessonId: string,
  position: number,
  now = new Date(),
): Promise<LessonEntry> {
  await authorizeOwnWrite(db, actor, memberId);
  const lesson = lessonOrThrow(lessonId);
  return db.transaction().execute(async (trx) => {
    const { row, progress } = await currentState(trx, memberId, lesson);
    const moved = moveTo(lesson, progress, position);
    if (!moved.ok) {
      throw new AppError(
        "lesson_position_refused",
        422,
        moved.reason === "skipped_ahead"
          ? "Read the screens in order: that one comes later."
          : "That lesson has no such screen.",
        "position",
      );
    }
    await queries.saveProgress(trx, {
      ...rowFor(memberId, lesson, row, now),
      position: moved.progress.position,
      furthest: moved.progress.furthest,
      updated_at: now.toISOString(),
    });
    return entry(trx, memberId, lesson);
  });
}

export async function answerLessonQuestion(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  lessonId: string,
  option: string,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<LessonAnswer>> {
  await authorizeOwnWrite(db, actor, memberId);
  const lesson = lessonOrThrow(lessonId);
  return writeOnce(async (trx) => {
    const { row, progress } = await currentState(trx, memberId, lesson);
    const answered = answer(lesson, progress, option);
    if (!answered.ok) {
      throw answered.reason === "unknown_option"
        ? new AppError("unknown_option", 422, "That answer is not one of the choices.", "option")
        : new AppError("lesson_not_at_question", 409, "Read the lesson's screens first.");
    }
    const current = rowFor(memberId, lesson, row, now);
    await queries.saveProgress(trx, {
      ...current,
      answered_correctly: answered.progress.answeredCorrectly ? 1 : 0,
      last_answer: option,
      attempts: current.attempts + 1,
      updated_at: now.toISOString(),
    });
    return {
      statusCode: 200,
      body: { correct: answered.correct, lesson: await entry(trx, memberId, lesson) },
    };
  });
}

/**
 * Done once every screen was shown and the question answered right; the completion is one
 * row per member and lesson, so finishing again (or a retry) never counts twice.
 */
export async function completeLesson(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  lessonId: string,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<LessonEntry>> {
  await authorizeOwnWrite(db, actor, memberId);
  const lesson = lessonOrThrow(lessonId);
  return writeOnce(async (trx) => {
    const { progress } = await currentState(trx, memberId, lesson);
    if (!canComplete(lesson, progress)) {
      throw new AppError(
        "lesson_not_finished",
        409,
        "Read every screen and answer the question before finishing the lesson.",
      );
    }
    const recorded = await queries.insertCompletion(trx, memberId, lesson.id, now);
    return { statusCode: recorded ? 201 : 200, body: await entry(trx, memberId, lesson) };
  });
}

/** The lesson's "try it this week" becomes a step in the member's plan, under a goal they pick. */
export async function addLessonStepToPlan(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  lessonId: string,
  body: { goalId: string; title: string },
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<{ planStepId: string; lesson: LessonEntry }>> {
  await authorizeOwnWrite(db, actor, memberId);
  const lesson = lessonOrThrow(lessonId);
  return writeOnce(async (trx) => {
    const { row } = await currentState(trx, memberId, lesson);
    if (row?.plan_step_id && (await queries.planStepExists(trx, memberId, row.plan_step_id))) {
      throw new AppError("already_in_plan", 409, "This step is already in your plan.");
    }
    const step = await createStep(
      db,
      actor,
      memberId,
      { goalId: body.goalId, title: body.title },
      { run: (work) => work(trx), now },
    );
    await queries.saveProgress(trx, {
      ...rowFor(memberId, lesson, row, now),
      plan_step_id: step.id,
      updated_at: now.toISOString(),
    });
    return {
      statusCode: 201,
      body: { planStepId: step.id, lesson: await entry(trx, memberId, lesson) },
    };
  });
}
