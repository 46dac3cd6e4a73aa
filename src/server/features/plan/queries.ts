import type { Kysely, Updateable } from "kysely";
import type { Database } from "../../db/schema";
import type { PlanGoalTable, PlanStepTable } from "../../db/tables/plan";

/** The plan's SQL. Every query names the member: one member's rows never answer another's ids. */

type Db = Kysely<Database>;

/**
 * A member's intake figures, or undefined before the intake. Other features read
 * `recovery_start` (a local date) and `cost_per_day` from here (issue 4: progress).
 */
export function getRecoveryProfile(db: Db, memberId: string) {
  return db
    .selectFrom("recovery_profiles")
    .select([
      "member_id",
      "recovery_start",
      "cost_per_day",
      "stage",
      "treatment",
      "intake_answers",
      "updated_at",
    ])
    .where("member_id", "=", memberId)
    .executeTakeFirst();
}

export async function saveRecoveryProfile(
  db: Db,
  profile: {
    memberId: string;
    recoveryStart: string | null;
    costPerDay: number | null;
    stage: string | null;
    treatment: string[];
    answers: unknown;
    now: Date;
  },
): Promise<void> {
  const values = {
    recovery_start: profile.recoveryStart,
    cost_per_day: profile.costPerDay,
    stage: profile.stage,
    treatment: JSON.stringify(profile.treatment),
    intake_answers: JSON.stringify(profile.answers),
    updated_at: profile.now.toISOString(),
  };
  await db
    .insertInto("recovery_profiles")
    .values({ member_id: profile.memberId, ...values })
    .onConflict((oc) => oc.column("member_id").doUpdateSet(values))
    .execute();
}

/** What the plan needs to know about the member: their language and time zone. */
export function findMemberSettings(db: Db, memberId: string) {
  return db
    .selectFrom("users")
    .select(["locale", "time_zone"])
    .where("id", "=", memberId)
    .executeTakeFirst();
}

export function listGoals(db: Db, memberId: string) {
  return db
    .selectFrom("plan_goals")
    .selectAll()
    .where("member_id", "=", memberId)
    .orderBy("position")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export function listSteps(db: Db, memberId: string) {
  return db
    .selectFrom("plan_steps")
    .selectAll()
    .where("member_id", "=", memberId)
    .orderBy("position")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export function findGoal(db: Db, memberId: string, goalId: string) {
  return db
    .selectFrom("plan_goals")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("id", "=", goalId)
    .executeTakeFirst();
}

export function findStep(db: Db, memberId: string, stepId: string) {
  return db
    .selectFrom("plan_steps")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("id", "=", stepId)
    .executeTakeFirst();
}

export function findStepsByIds(db: Db, memberId: string, stepIds: string[]) {
  if (stepIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("plan_steps")
    .select(["id", "title"])
    .where("member_id", "=", memberId)
    .where("id", "in", stepIds)
    .execute();
}

export function listStepsOfGoal(db: Db, memberId: string, goalId: string) {
  return db
    .selectFrom("plan_steps")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("goal_id", "=", goalId)
    .orderBy("position")
    .orderBy("created_at")
    .execute();
}

/** The position after the last goal of a domain (new goals go to the end). */
export async function nextGoalPosition(db: Db, memberId: string, domain: string): Promise<number> {
  const row = await db
    .selectFrom("plan_goals")
    .select((eb) => eb.fn.max("position").as("last"))
    .where("member_id", "=", memberId)
    .where("domain", "=", domain)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

export async function nextStepPosition(db: Db, memberId: string, goalId: string): Promise<number> {
  const row = await db
    .selectFrom("plan_steps")
    .select((eb) => eb.fn.max("position").as("last"))
    .where("member_id", "=", memberId)
    .where("goal_id", "=", goalId)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

export async function insertGoal(db: Db, goal: PlanGoalTable): Promise<void> {
  await db.insertInto("plan_goals").values(goal).execute();
}

export async function updateGoal(
  db: Db,
  memberId: string,
  goalId: string,
  changes: Updateable<PlanGoalTable>,
): Promise<void> {
  await db
    .updateTable("plan_goals")
    .set(changes)
    .where("member_id", "=", memberId)
    .where("id", "=", goalId)
    .execute();
}

export async function deleteGoal(db: Db, memberId: string, goalId: string): Promise<void> {
  await db
    .deleteFrom("plan_steps")
    .where("member_id", "=", memberId)
    .where("goal_id", "=", goalId)
    .execute();
  await db
    .deleteFrom("plan_goals")
    .where("member_id", "=", memberId)
    .where("id", "=", goalId)
    .execute();
}

export async function insertStep(db: Db, step: PlanStepTable): Promise<void> {
  await db.insertInto("plan_steps").values(step).execute();
}

export async function updateStep(
  db: Db,
  memberId: string,
  stepId: string,
  changes: Updateable<PlanStepTable>,
): Promise<void> {
  await db
    .updateTable("plan_steps")
    .set(changes)
    .where("member_id", "=", memberId)
    .where("id", "=", stepId)
    .execute();
}

export async function deleteStep(db: Db, memberId: string, stepId: string): Promise<void> {
  await db
    .deleteFrom("plan_steps")
    .where("member_id", "=", memberId)
    .where("id", "=", stepId)
    .execute();
}

export interface NewPlanEvent {
  memberId: string;
  actorId: string;
  at: Date;
  entity: "intake" | "goal" | "step" | "motivation";
  entityId: string;
  action: "created" | "updated" | "deleted";
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * Appends one event to the member's plan history. The head row's update takes a row lock on
 * PostgreSQL, so concurrent writes for one member get consecutive numbers instead of a clash.
 */
export async function appendPlanEvent(db: Db, event: NewPlanEvent): Promise<number> {
  await db
    .insertInto("plan_heads")
    .values({ member_id: event.memberId, event_seq: 0 })
    .onConflict((oc) => oc.column("member_id").doNothing())
    .execute();
  const head = await db
    .updateTable("plan_heads")
    .set((eb) => ({ event_seq: eb("event_seq", "+", 1) }))
    .where("member_id", "=", event.memberId)
    .returning("event_seq")
    .executeTakeFirstOrThrow();
  const seq = Number(head.event_seq);
  await db
    .insertInto("plan_events")
    .values({
      member_id: event.memberId,
      seq,
      at: event.at.toISOString(),
      actor_id: event.actorId,
      entity: event.entity,
      entity_id: event.entityId,
      action: event.action,
      change: JSON.stringify({ before: event.before, after: event.after }),
    })
    .execute();
  return seq;
}

export function listPlanEvents(db: Db, memberId: string, before: number | null, limit: number) {
  let query = db
    .selectFrom("plan_events")
    .selectAll()
    .where("member_id", "=", memberId)
    .orderBy("seq", "desc")
    .limit(limit);
  if (before !== null) query = query.where("seq", "<", before);
  return query.execute();
}

/** Every event that created a goal or step, to know which suggestions were ever made. */
export function listCreationEvents(db: Db, memberId: string) {
  return db
    .selectFrom("plan_events")
    .select(["change"])
    .where("member_id", "=", memberId)
    .where("entity", "in", ["goal", "step"])
    .where("action", "=", "created")
    .execute();
}

/** When the plan began: its first recorded change. */
export async function firstPlanEventAt(db: Db, memberId: string): Promise<string | null> {
  const row = await db
    .selectFrom("plan_events")
    .select("at")
    .where("member_id", "=", memberId)
    .orderBy("seq")
    .limit(1)
    .executeTakeFirst();
  return row?.at ?? null;
}
