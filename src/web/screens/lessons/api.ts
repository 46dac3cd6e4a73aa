import type { okSchema } from "../../../domain/api/auth";
import {
  addLessonStepRequestSchema,
  type lessonAnswerSchema,
  type lessonAssignmentSchema,
  type lessonEntrySchema,
  type lessonListSchema,
  type lessonStepSchema,
} from "../../../domain/api/lessons";
import type { LessonId, OptionKey } from "../../../domain/lessons/catalog";
import { call, validated } from "../../api";

/**
 * Lessons' requests, all under /api/members/:memberId/…: the member's own progress, answers
 * and completion, and a clinician's assignment. Writes a phone may retry carry an
 * Idempotency-Key; the caller keeps one key per attempt of one action.
 */
export function lessonsApi(memberId: string) {
  const base = `/members/${encodeURIComponent(memberId)}`;
  const lesson = (lessonId: LessonId) => `${base}/lessons/${encodeURIComponent(lessonId)}`;
  const once = (key: string) => ({ "idempotency-key": key });
  return {
    list: () => call<typeof lessonListSchema>("GET", `${base}/lessons`),
    savePosition: (lessonId: LessonId, position: number) =>
      call<typeof lessonEntrySchema>("PUT", `${lesson(lessonId)}/position`, { position }),
    answer: (lessonId: LessonId, option: OptionKey, key: string) =>
      call<typeof lessonAnswerSchema>("POST", `${lesson(lessonId)}/answers`, { option }, once(key)),
    complete: (lessonId: LessonId, key: string) =>
      call<typeof lessonEntrySchema>("POST", `${lesson(lessonId)}/completion`, {}, once(key)),
    addStep: (lessonId: LessonId, body: { goalId: string; title: string }, key: string) =>
      call<typeof lessonStepSchema>(
        "POST",
        `${lesson(lessonId)}/plan-step`,
        validated(addLessonStepRequestSchema, body),
        once(key),
      ),
    assign: (lessonId: LessonId, key: string) =>
      call<typeof lessonAssignmentSchema>(
        "POST",
        `${base}/lesson-assignments`,
        { lessonId },
        once(key),
      ),
    withdrawAssignment: (lessonId: LessonId) =>
      call<typeof okSchema>("DELETE", `${base}/lesson-assignments/${encodeURIComponent(lessonId)}`),
  };
}
