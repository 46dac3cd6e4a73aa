import type { Kysely } from "kysely";
import type {
  Plan,
  PlanEvent,
  PlanGoal,
  PlanGoalWithSteps,
  PlanStep,
  RecoveryProfile,
} from "../../../domain/api/plan";
import { intakeStageSchema, treatmentSchema } from "../../../domain/intake";
import {
  type GoalStatus,
  PLAN_DOMAINS,
  type PlanDomain,
  type StepStatus,
} from "../../../domain/plan";
import type { Database } from "../../db/schema";
import type { PlanEventTable, PlanGoalTable, PlanStepTable } from "../../db/tables/plan";
import * as queries from "./queries";

/** Rows as the API shows them. Stored values were validated on the way in. */

export function goalView(row: PlanGoalTable): PlanGoal {
  return {
    id: row.id,
    domain: row.domain as PlanDomain,
    title: row.title,
    why: row.why,
    targetDate: row.target_date,
    status: row.status as GoalStatus,
    position: row.position,
    templateKey: row.template_key,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function stepView(row: PlanStepTable): PlanStep {
  return {
    id: row.id,
    goalId: row.goal_id,
    title: row.title,
    status: row.status as StepStatus,
    dueDate: row.due_date,
    helper: row.helper,
    note: row.note,
    position: row.position,
    templateKey: row.template_key,
    completedAt: row.completed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The fields a person edits, named as the API names them: history's before/after use these. */
export function editableGoal(row: PlanGoalTable) {
  return {
    domain: row.domain,
    title: row.title,
    why: row.why,
    targetDate: row.target_date,
    status: row.status,
    position: row.position,
  };
}

export function editableStep(row: PlanStepTable) {
  return {
    goalId: row.goal_id,
    title: row.title,
    status: row.status,
    dueDate: row.due_date,
    helper: row.helper,
    note: row.note,
    position: row.position,
  };
}

export function planEventView(row: PlanEventTable): PlanEvent {
  const change = JSON.parse(row.change) as {
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  };
  return {
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    entity: row.entity as PlanEvent["entity"],
    entityId: row.entity_id,
    action: row.action as PlanEvent["action"],
    before: change.before,
    after: change.after,
  };
}

export async function loadRecoveryProfile(
  db: Kysely<Database>,
  memberId: string,
): Promise<RecoveryProfile | null> {
  const row = await queries.getRecoveryProfile(db, memberId);
  if (!row) return null;
  const stage = intakeStageSchema.safeParse(row.stage);
  return {
    stage: stage.success ? stage.data : null,
    treatment: treatmentSchema.array().parse(JSON.parse(row.treatment)),
    recoveryStart: row.recovery_start,
    costPerDay: row.cost_per_day === null ? null : Number(row.cost_per_day),
    updatedAt: row.updated_at,
  };
}

/** The whole plan: domains in their fixed order, goals and steps in the member's order. */
export async function loadPlan(db: Kysely<Database>, memberId: string): Promise<Plan> {
  const intake = await loadRecoveryProfile(db, memberId);
  const goals = await queries.listGoals(db, memberId);
  const steps = await queries.listSteps(db, memberId);
  const stepsByGoal = new Map<string, PlanStep[]>();
  for (const step of steps) {
    const list = stepsByGoal.get(step.goal_id) ?? [];
    list.push(stepView(step));
    stepsByGoal.set(step.goal_id, list);
  }
  const withSteps = (goal: PlanGoalTable): PlanGoalWithSteps => ({
    ...goalView(goal),
    steps: stepsByGoal.get(goal.id) ?? [],
  });
  return {
    intake,
    introKey: intake ? `plan.intro.${intake.stage ?? "none"}` : null,
    domains: PLAN_DOMAINS.map((domain) => ({
      domain,
      goals: goals.filter((goal) => goal.domain === domain).map(withSteps),
    })).filter((entry) => entry.goals.length > 0),
    summary: {
      goals: goals.length,
      goalsDone: goals.filter((goal) => goal.status === "done").length,
      steps: steps.length,
      stepsDone: steps.filter((step) => step.status === "done").length,
    },
  };
}

/**
 * The fields of `requested` that differ from `current`, as before/after pairs. Absent
 * (undefined) fields are left alone; null is a value (it clears a date).
 */
export function changedFields<T extends Record<string, unknown>>(
  current: T,
  requested: Partial<T>,
): { before: Partial<T>; after: Partial<T> } | null {
  const before: Partial<T> = {};
  const after: Partial<T> = {};
  for (const key of Object.keys(requested) as (keyof T)[]) {
    const value = requested[key];
    if (value === undefined || value === current[key]) continue;
    before[key] = current[key];
    after[key] = value;
  }
  return Object.keys(after).length > 0 ? { before, after } : null;
}
