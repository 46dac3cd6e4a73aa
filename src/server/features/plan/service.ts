// The recovery plan: goals and concrete steps across life domains, edited only by the member.
// Every change lands in plan_events (who, when, before/after): the plan's growth stays visible.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type {
  CreateGoalBody,
  CreateStepBody,
  Plan,
  PlanEvent,
  PlanGoal,
  PlanStep,
  UpdateGoalBody,
  UpdateStepBody,
} from "../../../domain/api/plan";
import type { Database } from "../../db/schema";
import type { PlanStepTable } from "../../db/tables/plan";
import { AppError, notFound } from "../../errors";
import type { Actor } from "../../security/session";
import { authorizePlanRead, authorizePlanWrite, inTransaction, type WriteOptions } from "./access";
import * as queries from "./queries";
import {
  changedFields,
  editableGoal,
  editableStep,
  goalView,
  loadPlan,
  planEventView,
  stepView,
} from "./views";

const goalNotFound = () => notFound("That goal");
const stepNotFound = () => notFound("That step");

export async function getPlan(db: Kysely<Database>, actor: Actor, memberId: string): Promise<Plan> {
  await authorizePlanRead(db, actor, memberId, "recovery plan");
  return loadPlan(db, memberId);
}

export async function createGoal(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  body: CreateGoalBody,
  { run = inTransaction(db), now = new Date(), newId = randomUUID }: WriteOptions = {},
): Promise<PlanGoal> {
  await authorizePlanWrite(db, actor, memberId, "recovery plan goal");
  return run(async (trx) => {
    const row = {
      member_id: memberId,
      id: newId(),
      domain: body.domain,
      title: body.title,
      why: body.why ?? "",
      target_date: body.targetDate ?? null,
      status: body.status ?? "active",
      position: body.position ?? (await queries.nextGoalPosition(trx, memberId, body.domain)),
      template_key: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await queries.insertGoal(trx, row);
    await queries.appendPlanEvent(trx, {
      memberId,
      actorId: actor.userId,
      at: now,
      entity: "goal",
      entityId: row.id,
      action: "created",
      before: null,
      after: { ...editableGoal(row), templateKey: null },
    });
    return goalView(row);
  });
}

/** Any field may change, to any allowed value, so undo is re-applying a history entry's before. */
export async function updateGoal(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  goalId: string,
  body: UpdateGoalBody,
  { run = inTransaction(db), now = new Date() }: WriteOptions = {},
): Promise<PlanGoal> {
  await authorizePlanWrite(db, actor, memberId, "recovery plan goal");
  return run(async (trx) => {
    const current = await queries.findGoal(trx, memberId, goalId);
    if (!current) throw goalNotFound();
    const requested = { ...body };
    if (body.domain && body.domain !== current.domain && body.position === undefined) {
      // A goal moved to another domain goes to the end of that domain's list.
      requested.position = await queries.nextGoalPosition(trx, memberId, body.domain);
    }
    const change = changedFields(editableGoal(current), requested);
    if (!change) return goalView(current);
    const { after } = change;
    const updated = {
      ...current,
      ...(after.domain !== undefined ? { domain: after.domain } : {}),
      ...(after.title !== undefined ? { title: after.title } : {}),
      ...(after.why !== undefined ? { why: after.why } : {}),
      ...(after.targetDate !== undefined ? { target_date: after.targetDate } : {}),
      ...(after.status !== undefined ? { status: after.status } : {}),
      ...(after.position !== undefined ? { position: after.position } : {}),
      updated_at: now.toISOString(),
    };
    await queries.updateGoal(trx, memberId, goalId, updated);
    await queries.appendPlanEvent(trx, {
      memberId,
      actorId: actor.userId,
      at: now,
      entity: "goal",
      entityId: goalId,
      action: "updated",
      ...change,
    });
    return goalView(updated);
  });
}

/** Removes a goal with its steps; history keeps each one as it was, so it can be made again. */
export async function deleteGoal(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  goalId: string,
  { run = inTransaction(db), now = new Date() }: WriteOptions = {},
): Promise<{ deleted: true }> {
  await authorizePlanWrite(db, actor, memberId, "recovery plan goal");
  return run(async (trx) => {
    const current = await queries.findGoal(trx, memberId, goalId);
    if (!current) throw goalNotFound();
    const steps = await queries.listStepsOfGoal(trx, memberId, goalId);
    await queries.deleteGoal(trx, memberId, goalId);
    for (const step of steps) {
      await queries.appendPlanEvent(trx, {
        memberId,
        actorId: actor.userId,
        at: now,
        entity: "step",
        entityId: step.id,
        action: "deleted",
        before: editableStep(step),
        after: null,
      });
    }
    await queries.appendPlanEvent(trx, {
      memberId,
      actorId: actor.userId,
      at: now,
      entity: "goal",
      entityId: goalId,
      action: "deleted",
      before: editableGoal(current),
      after: null,
    });
    return { deleted: true as const };
  });
}

export async function createStep(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  body: CreateStepBody,
  { run = inTransaction(db), now = new Date(), newId = randomUUID }: WriteOptions = {},
): Promise<PlanStep> {
  await authorizePlanWrite(db, actor, memberId, "recovery plan step");
  return run(async (trx) => {
    if (!(await queries.findGoal(trx, memberId, body.goalId))) throw goalNotFoundIn("goalId");
    const status = body.status ?? "todo";
    const row: PlanStepTable = {
      member_id: memberId,
      id: newId(),
      goal_id: body.goalId,
      title: body.title,
      status,
      due_date: body.dueDate ?? null,
      helper: body.helper || null,
      note: body.note ?? "",
      position: body.position ?? (await queries.nextStepPosition(trx, memberId, body.goalId)),
      template_key: null,
      completed_at: status === "done" ? now.toISOString() : null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await queries.insertStep(trx, row);
    await queries.appendPlanEvent(trx, {
      memberId,
      actorId: actor.userId,
      at: now,
      entity: "step",
      entityId: row.id,
      action: "created",
      before: null,
      after: { ...editableStep(row), templateKey: null },
    });
    return stepView(row);
  });
}

export async function updateStep(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  stepId: string,
  body: UpdateStepBody,
  { run = inTransaction(db), now = new Date() }: WriteOptions = {},
): Promise<PlanStep> {
  await authorizePlanWrite(db, actor, memberId, "recovery plan step");
  return run(async (trx) => {
    const current = await queries.findStep(trx, memberId, stepId);
    if (!current) throw stepNotFound();
    const requested = {
      ...body,
      ...(body.helper !== undefined ? { helper: body.helper || null } : {}),
    };
    if (body.goalId !== undefined && body.goalId !== current.goal_id) {
      if (!(await queries.findGoal(trx, memberId, body.goalId))) throw goalNotFoundIn("goalId");
      if (body.position === undefined) {
        requested.position = await queries.nextStepPosition(trx, memberId, body.goalId);
      }
    }
    const change = changedFields(editableStep(current), requested);
    if (!change) return stepView(current);
    const { after } = change;
    const updated: PlanStepTable = {
      ...current,
      ...(after.goalId !== undefined ? { goal_id: after.goalId } : {}),
      ...(after.title !== undefined ? { title: after.title } : {}),
      ...(after.dueDate !== undefined ? { due_date: after.dueDate } : {}),
      ...(after.helper !== undefined ? { helper: after.helper } : {}),
      ...(after.note !== undefined ? { note: after.note } : {}),
      ...(after.position !== undefined ? { position: after.position } : {}),
      ...(after.status !== undefined
        ? {
            status: after.status,
            completed_at: after.status === "done" ? now.toISOString() : null,
          }
        : {}),
      updated_at: now.toISOString(),
    };
    await queries.updateStep(trx, memberId, stepId, updated);
    await queries.appendPlanEvent(trx, {
      memberId,
      actorId: actor.userId,
      at: now,
      entity: "step",
      entityId: stepId,
      action: "updated",
      ...change,
    });
    return stepView(updated);
  });
}

export async function deleteStep(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  stepId: string,
  { run = inTransaction(db), now = new Date() }: WriteOptions = {},
): Promise<{ deleted: true }> {
  await authorizePlanWrite(db, actor, memberId, "recovery plan step");
  return run(async (trx) => {
    const current = await queries.findStep(trx, memberId, stepId);
    if (!current) throw stepNotFound();
    await queries.deleteStep(trx, memberId, stepId);
    await queries.appendPlanEvent(trx, {
      memberId,
      actorId: actor.userId,
      at: now,
      entity: "step",
      entityId: stepId,
      action: "deleted",
      before: editableStep(current),
      after: null,
    });
    return { deleted: true as const };
  });
}

const HISTORY_PAGE = 50;

/** Newest first, a page at a time. */
export async function getPlanHistory(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  page: { before?: number; limit?: number },
): Promise<{ events: PlanEvent[]; nextBefore: number | null }> {
  await authorizePlanRead(db, actor, memberId, "recovery plan history");
  const limit = page.limit ?? HISTORY_PAGE;
  const rows = await queries.listPlanEvents(db, memberId, page.before ?? null, limit);
  const last = rows.at(-1);
  return {
    events: rows.map(planEventView),
    nextBefore: rows.length === limit && last && last.seq > 1 ? last.seq : null,
  };
}

function goalNotFoundIn(field: string): AppError {
  return new AppError("not_found", 404, "That goal was not found.", field);
}
