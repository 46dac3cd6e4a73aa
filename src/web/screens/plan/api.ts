import {
  type CreateGoalBody,
  type CreatePlanReviewBody,
  type CreateStepBody,
  createGoalBodySchema,
  createPlanReviewBodySchema,
  createStepBodySchema,
  deletedSchema,
  goalSchema,
  motivationResponseSchema,
  planHistorySchema,
  planReviewListSchema,
  planReviewSchema,
  planSchema,
  readinessListSchema,
  readinessRatingSchema,
  recordReadinessBodySchema,
  type SubmitIntakeBody,
  stepSchema,
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
      call("POST", `${base}/intake`, planSchema, validated(submitIntakeBodySchema, body), once()),
    getPlan: () => call("GET", `${base}/plan`, planSchema),
    createGoal: (body: CreateGoalBody) =>
      call("POST", `${base}/plan/goals`, goalSchema, validated(createGoalBodySchema, body), once()),
    updateGoal: (goalId: string, body: UpdateGoalBody) =>
      call(
        "PATCH",
        `${base}/plan/goals/${id(goalId)}`,
        goalSchema,
        validated(updateGoalBodySchema, body),
      ),
    deleteGoal: (goalId: string) =>
      call("DELETE", `${base}/plan/goals/${id(goalId)}`, deletedSchema),
    createStep: (body: CreateStepBody) =>
      call("POST", `${base}/plan/steps`, stepSchema, validated(createStepBodySchema, body), once()),
    updateStep: (stepId: string, body: UpdateStepBody) =>
      call(
        "PATCH",
        `${base}/plan/steps/${id(stepId)}`,
        stepSchema,
        validated(updateStepBodySchema, body),
      ),
    deleteStep: (stepId: string) =>
      call("DELETE", `${base}/plan/steps/${id(stepId)}`, deletedSchema),
    getPlanHistory: (before?: number) =>
      call(
        "GET",
        `${base}/plan/history${before === undefined ? "" : `?before=${before}`}`,
        planHistorySchema,
      ),
    getMotivation: () => call("GET", `${base}/motivation`, motivationResponseSchema),
    updateMotivation: (update: MotivationUpdate) =>
      call(
        "PATCH",
        `${base}/motivation`,
        motivationResponseSchema,
        validated(updateMotivationBodySchema, update),
      ),
    recordReadiness: (ruler: ReadinessRuler) =>
      call(
        "POST",
        `${base}/readiness`,
        readinessRatingSchema,
        validated(recordReadinessBodySchema, ruler),
        once(),
      ),
    listReadiness: () => call("GET", `${base}/readiness`, readinessListSchema),
    createPlanReview: (body: CreatePlanReviewBody) =>
      call(
        "POST",
        `${base}/plan/reviews`,
        planReviewSchema,
        validated(createPlanReviewBodySchema, body),
        once(),
      ),
    listPlanReviews: () => call("GET", `${base}/plan/reviews`, planReviewListSchema),
  };
}

export type PlanApi = ReturnType<typeof planApi>;
