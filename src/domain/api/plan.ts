import { z } from "zod";
import { intakeAnswersSchema, intakeStageSchema, treatmentSchema } from "../intake";
import { motivationSchema, motivationUpdateSchema } from "../motivation";
import { goalStatusSchema, localDateSchema, planDomainSchema, stepStatusSchema } from "../plan";
import { changeStageSchema, readinessRulerSchema } from "../readiness";
import { memberIdParamsSchema } from "./members";

/** Request and response shapes of the recovery plan, shared by the server and the PWA. */

const idSchema = z.string().min(1).max(64);
export const goalParamsSchema = memberIdParamsSchema.extend({ goalId: idSchema });
export const stepParamsSchema = memberIdParamsSchema.extend({ stepId: idSchema });

const titleSchema = z.string().trim().min(1).max(200);
const whySchema = z.string().trim().max(1000);
const noteSchema = z.string().trim().max(2000);
const helperSchema = z.string().trim().max(120);
/** Order within a domain (goals) or a goal (steps); ties fall back to creation order. */
const positionSchema = z.number().int().min(0).max(100_000);

const atLeastOneField = (body: object) => Object.keys(body).length > 0;
const atLeastOneFieldMessage = { message: "Send at least one field to change" };

export const submitIntakeBodySchema = intakeAnswersSchema;
export type SubmitIntakeBody = z.infer<typeof submitIntakeBodySchema>;

export const createGoalBodySchema = z.object({
  domain: planDomainSchema,
  title: titleSchema,
  why: whySchema.optional(),
  targetDate: localDateSchema.nullable().optional(),
  status: goalStatusSchema.optional(),
  position: positionSchema.optional(),
});
export type CreateGoalBody = z.infer<typeof createGoalBodySchema>;

/** Any field, including a status the goal had before, so "undo" is re-applying `before`. */
export const updateGoalBodySchema = z
  .object({
    domain: planDomainSchema.optional(),
    title: titleSchema.optional(),
    why: whySchema.optional(),
    targetDate: localDateSchema.nullable().optional(),
    status: goalStatusSchema.optional(),
    position: positionSchema.optional(),
  })
  .refine(atLeastOneField, atLeastOneFieldMessage);
export type UpdateGoalBody = z.infer<typeof updateGoalBodySchema>;

export const createStepBodySchema = z.object({
  goalId: idSchema,
  title: titleSchema,
  status: stepStatusSchema.optional(),
  dueDate: localDateSchema.nullable().optional(),
  helper: helperSchema.nullable().optional(),
  note: noteSchema.optional(),
  position: positionSchema.optional(),
});
export type CreateStepBody = z.infer<typeof createStepBodySchema>;

export const updateStepBodySchema = z
  .object({
    goalId: idSchema.optional(),
    title: titleSchema.optional(),
    status: stepStatusSchema.optional(),
    dueDate: localDateSchema.nullable().optional(),
    helper: helperSchema.nullable().optional(),
    note: noteSchema.optional(),
    position: positionSchema.optional(),
  })
  .refine(atLeastOneField, atLeastOneFieldMessage);
export type UpdateStepBody = z.infer<typeof updateStepBodySchema>;

export const stepSchema = z.object({
  id: z.string(),
  goalId: z.string(),
  title: z.string(),
  status: stepStatusSchema,
  dueDate: z.string().nullable(),
  helper: z.string().nullable(),
  note: z.string(),
  position: z.number(),
  /** The catalog key a starter step came from; null for the person's own steps. */
  templateKey: z.string().nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlanStep = z.infer<typeof stepSchema>;

export const goalSchema = z.object({
  id: z.string(),
  domain: planDomainSchema,
  title: z.string(),
  why: z.string(),
  targetDate: z.string().nullable(),
  status: goalStatusSchema,
  position: z.number(),
  templateKey: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlanGoal = z.infer<typeof goalSchema>;

export const goalWithStepsSchema = goalSchema.extend({ steps: z.array(stepSchema) });
export type PlanGoalWithSteps = z.infer<typeof goalWithStepsSchema>;

export const recoveryProfileSchema = z.object({
  stage: intakeStageSchema.nullable(),
  treatment: z.array(treatmentSchema),
  recoveryStart: z.string().nullable(),
  costPerDay: z.number().nullable(),
  updatedAt: z.string(),
});
export type RecoveryProfile = z.infer<typeof recoveryProfileSchema>;

export const planSchema = z.object({
  /** Null until the intake is done (or skipped by sending it empty). */
  intake: recoveryProfileSchema.nullable(),
  /** Catalog key of the opening line for the person's stage (plan-catalog). */
  introKey: z.string().nullable(),
  /** Domains that hold at least one goal, in the fixed domain order. */
  domains: z.array(z.object({ domain: planDomainSchema, goals: z.array(goalWithStepsSchema) })),
  summary: z.object({
    goals: z.number(),
    goalsDone: z.number(),
    steps: z.number(),
    stepsDone: z.number(),
  }),
});
export type Plan = z.infer<typeof planSchema>;

export const deletedSchema = z.object({ deleted: z.literal(true) });

export const planEventEntitySchema = z.enum(["intake", "goal", "step", "motivation"]);
export const planEventSchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string(),
  entity: planEventEntitySchema,
  entityId: z.string(),
  action: z.enum(["created", "updated", "deleted"]),
  /** The changed fields as they were (null when created); re-applying them undoes the change. */
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type PlanEvent = z.infer<typeof planEventSchema>;

export const planHistoryQuerySchema = z.object({
  /** Only events older than this sequence number (for paging back). */
  // A history sequence number: PostgreSQL keeps it in a 32-bit integer, so a larger one is a 400.
  before: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export const planHistorySchema = z.object({
  events: z.array(planEventSchema),
  /** Pass as `before` to get the next older page; null when there is none. */
  nextBefore: z.number().nullable(),
});

export const updateMotivationBodySchema = motivationUpdateSchema.refine(
  atLeastOneField,
  atLeastOneFieldMessage,
);
export const motivationResponseSchema = motivationSchema.extend({
  updatedAt: z.string().nullable(),
});

export const recordReadinessBodySchema = readinessRulerSchema;
export const readinessRatingSchema = z.object({
  id: z.string(),
  recordedAt: z.string(),
  importance: z.number(),
  confidence: z.number(),
  readiness: z.number(),
  note: z.string().nullable(),
  /** The stage the rating suggests (a simple heuristic, docs/clinical-sources.md). */
  stage: changeStageSchema,
});
export type ReadinessRating = z.infer<typeof readinessRatingSchema>;
export const readinessListSchema = z.object({
  /** Newest first. */
  ratings: z.array(readinessRatingSchema),
  currentStage: changeStageSchema.nullable(),
});

export const createPlanReviewBodySchema = z.object({
  wentWell: noteSchema.optional(),
  wasHard: noteSchema.optional(),
  nextSteps: z
    .array(
      z.union([z.object({ stepId: idSchema }).strict(), z.object({ text: titleSchema }).strict()]),
    )
    .max(20)
    .optional(),
});
export type CreatePlanReviewBody = z.infer<typeof createPlanReviewBodySchema>;

export const planReviewSchema = z.object({
  id: z.string(),
  /** The member's local day the review was written. */
  reviewDate: z.string(),
  createdAt: z.string(),
  wentWell: z.string(),
  wasHard: z.string(),
  /** A step from the plan (its title as it was then) or a free-text intention. */
  nextSteps: z.array(z.object({ stepId: z.string().nullable(), text: z.string() })),
});
export type PlanReview = z.infer<typeof planReviewSchema>;
export const planReviewListSchema = z.object({
  /** Newest first. */
  reviews: z.array(planReviewSchema),
  nextDueOn: z.string().nullable(),
  due: z.boolean(),
});
