import { z } from "zod";
import { lessonIdSchema, optionKeySchema } from "../lessons/catalog";
import { lessonStatusSchema } from "../lessons/engine";
import { memberIdParamsSchema } from "./members";

/** Request and response shapes of lessons: progress, answers, completion, assignments. */

export const lessonParamsSchema = memberIdParamsSchema.extend({ lessonId: lessonIdSchema });

export const saveLessonPositionRequestSchema = z.object({
  position: z.number().int().min(0).max(50),
});
export const answerLessonRequestSchema = z.object({ option: optionKeySchema });
/** Completing sends nothing: the server decides from what it saw. */
export const completeLessonRequestSchema = z.object({}).strict();
export const addLessonStepRequestSchema = z.object({
  goalId: z.string().min(1).max(64),
  // The lesson's "try it this week" words in the member's language, which they may edit.
  title: z.string().trim().min(1).max(200),
});
export const assignLessonRequestSchema = z.object({ lessonId: lessonIdSchema });

const personSchema = z.object({ id: z.string(), displayName: z.string().nullable() });

export const lessonEntrySchema = z.object({
  lessonId: lessonIdSchema,
  status: lessonStatusSchema,
  position: z.number(),
  furthest: z.number(),
  answeredCorrectly: z.boolean(),
  /** The plan step made from this lesson's "try it this week", if the member added it. */
  planStepId: z.string().nullable(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** Who in the member's care team suggested this lesson, and when; null when nobody did. */
  assignment: z.object({ by: personSchema, at: z.string() }).nullable(),
});
export type LessonEntry = z.infer<typeof lessonEntrySchema>;

export const lessonListSchema = z.object({ lessons: z.array(lessonEntrySchema) });
export type LessonList = z.infer<typeof lessonListSchema>;

export const lessonAnswerSchema = z.object({
  correct: z.boolean(),
  lesson: lessonEntrySchema,
});
export type LessonAnswer = z.infer<typeof lessonAnswerSchema>;

export const lessonStepSchema = z.object({
  planStepId: z.string(),
  lesson: lessonEntrySchema,
});

export const lessonAssignmentSchema = z.object({
  lessonId: lessonIdSchema,
  at: z.string(),
  by: personSchema,
});
