// Plan steps a clinician suggests under a grant naming "plan"; the member accepts (the step
// joins their plan) or declines. The clinician never writes the plan itself.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { PlanSuggestion } from "../../../domain/api/care";
import type { Database } from "../../db/schema";
import { AppError, forbidden, notFound } from "../../errors";
import type { IdempotentResult, WriteOnce } from "../../http/idempotency";
import { authorizeGrantedWrite, authorizeMemberAccess } from "../../security/policy";
import type { Actor } from "../../security/session";
// Accepting is the member adding a step to their own plan: it goes through the plan feature's
// own service so the plan's history and undo see it like any other step (a deliberate
// exception to features importing only domain/db/security/http).
import { createStep } from "../plan/service";

const suggestionWrite = (memberId: string) =>
  ({
    memberId,
    category: "plan",
    resource: "plan step suggestion",
    // Suggesting steps is clinical work: a supporter with a plan grant reads, never suggests.
    roles: ["clinician"],
  }) as const;

/** Runs before the body is validated: without a live "plan" grant, the same audited 403. */
export async function refuseSuggestionWithoutGrant(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  now = new Date(),
) {
  if (actor.userId === memberId) throw notByMember();
  await authorizeGrantedWrite(db, actor, suggestionWrite(memberId), now);
}

export async function suggestPlanStep(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  body: { goalId: string; title: string; note?: string | undefined },
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<PlanSuggestion>> {
  if (actor.userId === memberId) throw notByMember();
  const write = await authorizeGrantedWrite(db, actor, suggestionWrite(memberId), now);
  return writeOnce(async (trx) => {
    const goal = await trx
      .selectFrom("plan_goals")
      .select("id")
      .where("member_id", "=", memberId)
      .where("id", "=", body.goalId)
      .executeTakeFirst();
    if (!goal) {
      throw new AppError("goal_not_found", 422, "That goal is not in the plan.", "goalId");
    }
    const id = randomUUID();
    await write.record(trx);
    await trx
      .insertInto("plan_suggestions")
      .values({
        member_id: memberId,
        id,
        author_id: actor.userId,
        goal_id: body.goalId,
        title: body.title,
        note: body.note ?? "",
        status: "pending",
        step_id: null,
        created_at: now.toISOString(),
        responded_at: null,
      })
      .execute();
    return { statusCode: 201, body: await findSuggestion(trx, memberId, id) };
  });
}

function notByMember() {
  return new AppError("not_a_clinician", 403, "Suggestions come from your care team.");
}

export async function listPlanSuggestions(db: Kysely<Database>, actor: Actor, memberId: string) {
  await authorizeMemberAccess(db, actor, {
    memberId,
    category: "plan",
    action: "read",
    resource: "plan step suggestions",
  });
  return { suggestions: await suggestions(db, memberId) };
}

/** Only the member answers; a suggestion is answered once. */
export async function respondToSuggestion(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  suggestionId: string,
  response: "accept" | "decline",
  now = new Date(),
) {
  if (actor.userId !== memberId) {
    throw forbidden("Only this person can answer a suggestion.");
  }
  const suggestion = await db
    .selectFrom("plan_suggestions")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("id", "=", suggestionId)
    .executeTakeFirst();
  if (!suggestion) throw notFound("That suggestion");
  // Claim it first, so two answers racing cannot both make a step.
  const claimed = await db
    .updateTable("plan_suggestions")
    .set({
      status: response === "accept" ? "accepted" : "declined",
      responded_at: now.toISOString(),
    })
    .where("member_id", "=", memberId)
    .where("id", "=", suggestionId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) {
    throw new AppError("already_answered", 409, "This suggestion was already answered.");
  }
  if (response === "accept") {
    try {
      const step = await createStep(
        db,
        actor,
        memberId,
        { goalId: suggestion.goal_id, title: suggestion.title, note: suggestion.note },
        { now },
      );
      await db
        .updateTable("plan_suggestions")
        .set({ step_id: step.id })
        .where("member_id", "=", memberId)
        .where("id", "=", suggestionId)
        .execute();
    } catch (error) {
      // The goal may be gone; leave the suggestion to answer again.
      await db
        .updateTable("plan_suggestions")
        .set({ status: "pending", responded_at: null })
        .where("member_id", "=", memberId)
        .where("id", "=", suggestionId)
        .execute();
      throw error;
    }
  }
  return findSuggestion(db, memberId, suggestionId);
}

async function findSuggestion(db: Kysely<Database>, memberId: string, id: string) {
  const [suggestion] = await suggestions(db, memberId, id);
  if (!suggestion) throw notFound("That suggestion");
  return suggestion;
}

async function suggestions(db: Kysely<Database>, memberId: string, id?: string) {
  let query = db
    .selectFrom("plan_suggestions as s")
    .innerJoin("users as u", "u.id", "s.author_id")
    .select([
      "s.id",
      "s.author_id",
      "u.display_name",
      "s.goal_id",
      "s.title",
      "s.note",
      "s.status",
      "s.step_id",
      "s.created_at",
      "s.responded_at",
    ])
    .where("s.member_id", "=", memberId);
  if (id) query = query.where("s.id", "=", id);
  const rows = await query.orderBy("s.created_at", "desc").orderBy("s.id").limit(200).execute();
  return rows.map((row) => ({
    id: row.id,
    author: { id: row.author_id, displayName: row.display_name },
    goalId: row.goal_id,
    title: row.title,
    note: row.note,
    status: row.status as "pending" | "accepted" | "declined",
    stepId: row.step_id,
    createdAt: row.created_at,
    respondedAt: row.responded_at,
  }));
}
