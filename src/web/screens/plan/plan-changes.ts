import type { Plan, PlanGoalWithSteps, PlanStep } from "../../../domain/api/plan";
import type { PlanApi } from "./api";

/** Pure pieces of plan editing: what a change alters, reordering, and re-creating for undo. */

export type Direction = -1 | 1;

export function patchStep(plan: Plan, stepId: string, patch: Partial<PlanStep>): Plan {
  return {
    ...plan,
    domains: plan.domains.map((domain) => ({
      ...domain,
      goals: domain.goals.map((goal) => ({
        ...goal,
        steps: goal.steps.map((step) => (step.id === stepId ? { ...step, ...patch } : step)),
      })),
    })),
  };
}

/** The fields of `current` that `patch` would change, as they are now; null when none would. */
export function beforeValues<T extends object, P extends object>(current: T, patch: P): P | null {
  const before: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const now = (current as Record<string, unknown>)[key];
    if (now !== value) before[key] = now;
  }
  return Object.keys(before).length > 0 ? (before as P) : null;
}

/**
 * Moves one item a place up or down by renumbering the list 0…n-1 (positions can tie), writing
 * only the positions that change. Returns what puts the old positions back.
 */
export async function reorder(
  items: readonly { id: string; position: number }[],
  id: string,
  direction: Direction,
  save: (id: string, position: number) => Promise<unknown>,
): Promise<(() => Promise<unknown>) | null> {
  const from = items.findIndex((item) => item.id === id);
  const to = from + direction;
  if (from < 0 || to < 0 || to >= items.length) return null;
  const order = [...items];
  const [moved] = order.splice(from, 1);
  if (!moved) return null;
  order.splice(to, 0, moved);
  const changes = order
    .map((item, index) => ({ id: item.id, before: item.position, after: index }))
    .filter((change) => change.before !== change.after);
  for (const change of changes) await save(change.id, change.after);
  return async () => {
    for (const change of changes) await save(change.id, change.before);
  };
}

export function recreateStep(api: PlanApi, step: PlanStep, goalId = step.goalId) {
  return api.createStep({
    goalId,
    title: step.title,
    status: step.status,
    dueDate: step.dueDate,
    helper: step.helper,
    note: step.note,
    position: step.position,
  });
}

export async function recreateGoal(api: PlanApi, goal: PlanGoalWithSteps) {
  const created = await api.createGoal({
    domain: goal.domain,
    title: goal.title,
    why: goal.why,
    targetDate: goal.targetDate,
    status: goal.status,
    position: goal.position,
  });
  for (const step of goal.steps) await recreateStep(api, step, created.id);
}
