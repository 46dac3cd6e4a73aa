import {
  type CreateGoalBody,
  type CreatePlanReviewBody,
  type CreateStepBody,
  createGoalBodySchema,
  createPlanReviewBodySchema,
  createStepBodySchema,
  type deletedSchema,
  type goalSchema,
  type motivationResponseSchema,
  type planHistorySchema,
  type planReviewListSchema,
  type planReviewSchema,
  type planSchema,
  type readinessListSchema,
  type readinessRatingSchema,
  recordReadinessBodySchema,
  type SubmitIntakeBody,
  type stepSchema,
  submitIntakeBodySchema,
  type UpdateGoalBody,
  type UpdateStepBody,
  updateGoalBodySchema,
  updateMotivationBodySchema,
  updateStepBodySchema,
} from "../../../domain/api/plan";
import type { MotivationUpdate } from "../../../domain/motivation";
import type { ReadinessRuler } from "../../../domain/readiness";
import { call, idempotencyKey, validated } from "../../api";

/**
 * The recovery plan's client: every path is the signed-in person's own
 * (/api/members/:memberId/…, memberId = me.id), every answer checked by the shared schemas.
 */
export function planApi(memberId: string) {
  const base = `/members/${encodeURIComponent(memberId)}`;
  const id = encodeURIComponent;
  // A retried POST (a flaky phone connection) lands once: the server replays the first answer.
  const once = () => ({ "idempotency-key": idempotencyKey() });
  return {
    submitIntake: (body: SubmitIntakeBody) =>
      call<typeof planSchema>(
        "POST",
        `${base}/intake`,
        validated(submitIntakeBodySchema, body),
        once(),
      ),
    getPlan: () => call<typeof planSchema>("GET", `${base}/plan`),
    createGoal: (body: CreateGoalBody) =>
      call<typeof goalSchema>(
        "POST",
        `${base}/plan/goals`,
        validated(createGoalBodySchema, body),
        once(),
      ),
    updateGoal: (goalId: string, body: UpdateGoalBody) =>
      call<typeof goalSchema>(
        "PATCH",
        `${base}/plan/goals/${id(goalId)}`,
        validated(updateGoalBodySchema, body),
      ),
    deleteGoal: (goalId: string) =>
      call<typeof deletedSchema>("DELETE", `${base}/plan/goals/${id(goalId)}`),
    createStep: (body: CreateStepBody) =>
      call<typeof stepSchema>(
        "POST",
        `${base}/plan/steps`,
        validated(createStepBodySchema, body),
        once(),
      ),
    updateStep: (stepId: string, body: UpdateStepBody) =>
      call<typeof stepSchema>(
        "PATCH",
        `${base}/plan/steps/${id(stepId)}`,
        validated(updateStepBodySchema, body),
      ),
    deleteStep: (stepId: string) =>
      call<typeof deletedSchema>("DELETE", `${base}/plan/steps/${id(stepId)}`),
    getPlanHistory: (before?: number) =>
      call<typeof planHistorySchema>(
        "GET",
        `${base}/plan/history${before === undefined ? "" : `?before=${before}`}`,
      ),
    getMotivation: () => call<typeof motivationResponseSchema>("GET", `${base}/motivation`),
    updateMotivation: (update: MotivationUpdate) =>
      call<typeof motivationResponseSchema>(
        "PATCH",
        `${base}/motivation`,
        validated(updateMotivationBodySchema, update),
      ),
    recordReadiness: (ruler: ReadinessRuler) =>
      call<typeof readinessRatingSchema>(
        "POST",
        `${base}/readiness`,
        validated(recordReadinessBodySchema, ruler),
        once(),
      ),
    listReadiness: () => call<typeof readinessListSchema>("GET", `${base}/readiness`),
    createPlanReview: (body: CreatePlanReviewBody) =>
      call<typeof planReviewSchema>(
        "POST",
        `${base}/plan/reviews`,
        validated(createPlanReviewBodySchema, body),
        once(),
      ),
    listPlanReviews: () => call<typeof planReviewListSchema>("GET", `${base}/plan/reviews`),
  };
}

export type PlanApi = ReturnType<typeof planApi>;
