import { okSchema } from "../../../domain/api/auth";
import {
  addLessonStepRequestSchema,
  lessonAnswerSchema,
  lessonAssignmentSchema,
  lessonEntrySchema,
  lessonListSchema,
  lessonStepSchema,
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
    list: () => call("GET", `${base}/lessons`, lessonListSchema),
    savePosition: (lessonId: LessonId, position: number) =>
      call("PUT", `${lesson(lessonId)}/position`, lessonEntrySchema, { position }),
    answer: (lessonId: LessonId, option: OptionKey, key: string) =>
      call("POST", `${lesson(lessonId)}/answers`, lessonAnswerSchema, { option }, once(key)),
    complete: (lessonId: LessonId, key: string) =>
      call("POST", `${lesson(lessonId)}/completion`, lessonEntrySchema, {}, once(key)),
    addStep: (lessonId: LessonId, body: { goalId: string; title: string }, key: string) =>
      call(
        "POST",
        `${lesson(lessonId)}/plan-step`,
        lessonStepSchema,
        validated(addLessonStepRequestSchema, body),
        once(key),
      ),
    assign: (lessonId: LessonId, key: string) =>
      call("POST", `${base}/lesson-assignments`, lessonAssignmentSchema, { lessonId }, once(key)),
    withdrawAssignment: (lessonId: LessonId) =>
      call("DELETE", `${base}/lesson-assignments/${encodeURIComponent(lessonId)}`, okSchema),
  };
}
