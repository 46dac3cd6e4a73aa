// A clinician the member shares lessons with suggests a lesson; the member sees who suggested
// it in their list and takes it at their own pace. Assigning writes nothing else.
import type { Kysely } from "kysely";
import type { LessonId } from "../../../domain/lessons/catalog";
import type { Database } from "../../db/schema";
import { AppError, notFound } from "../../errors";
import type { IdempotentResult, WriteOnce } from "../../http/idempotency";
import { authorizeGrantedWrite } from "../../security/policy";
import type { Actor } from "../../security/session";
import * as queries from "./queries";

const assignmentWrite = (memberId: string) =>
  ({
    memberId,
    category: "lessons",
    resource: "lesson assignment",
    // Assigning is clinical work: a supporter with a lessons grant sees progress, never assigns.
    roles: ["clinician"],
  }) as const;

function notByMember() {
  return new AppError("not_a_clinician", 403, "Lessons are assigned by your care team.");
}

/** Runs before the body is validated: without a live "lessons" grant, the same audited 403. */
export async function refuseAssignmentWithoutGrant(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  now = new Date(),
) {
  if (actor.userId === memberId) throw notByMember();
  await authorizeGrantedWrite(db, actor, assignmentWrite(memberId), now);
}

export interface LessonAssignment {
  lessonId: LessonId;
  at: string;
  by: { id: string; displayName: string | null };
}

/** Assigning a lesson twice keeps the first assignment (200), so a double tap is harmless. */
export async function assignLesson(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  lessonId: LessonId,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<LessonAssignment>> {
  if (actor.userId === memberId) throw notByMember();
  const write = await authorizeGrantedWrite(db, actor, assignmentWrite(memberId), now);
  return writeOnce(async (trx) => {
    const recorded = await queries.insertAssignment(trx, {
      member_id: memberId,
      lesson_id: lessonId,
      assigned_by: actor.userId,
      assigned_at: now.toISOString(),
    });
    // Only a new assignment is a write in the member's log.
    if (recorded) await write.record(trx);
    const rows = await queries.lessonRows(trx, memberId, lessonId);
    const assignment = rows.assignments[0];
    if (!assignment) throw notFound("That assignment");
    return {
      statusCode: recorded ? 201 : 200,
      body: {
        lessonId,
        at: assignment.assigned_at,
        by: { id: assignment.assigned_by, displayName: assignment.display_name },
      },
    };
  });
}

/**
 * Takes an assignment back (the clinician's undo). The lesson itself, and anything the member
 * did in it, stays; only the suggestion goes. Audited as a write like the assignment.
 */
export async function withdrawLessonAssignment(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  lessonId: LessonId,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<{ ok: true }>> {
  if (actor.userId === memberId) throw notByMember();
  const write = await authorizeGrantedWrite(
    db,
    actor,
    { ...assignmentWrite(memberId), resource: "lesson assignment withdrawn" },
    now,
  );
  return writeOnce(async (trx) => {
    const removed = await queries.deleteAssignment(trx, memberId, lessonId);
    if (!removed) throw notFound("That assignment");
    await write.record(trx);
    return { statusCode: 200, body: { ok: true as const } };
  });
}
