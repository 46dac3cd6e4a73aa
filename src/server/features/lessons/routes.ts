import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { okSchema } from "../../../domain/api/auth";
import {
  addLessonStepRequestSchema,
  answerLessonRequestSchema,
  assignLessonRequestSchema,
  completeLessonRequestSchema,
  lessonAnswerSchema,
  lessonAssignmentSchema,
  lessonEntrySchema,
  lessonListSchema,
  lessonParamsSchema,
  lessonStepSchema,
  saveLessonPositionRequestSchema,
} from "../../../domain/api/lessons";
import { memberIdParamsSchema } from "../../../domain/api/members";
import type { AppContext } from "../../app-context";
import { writeOnceFor } from "../../http/idempotency";
import { actorOf, requireActor } from "../../security/session";
import * as assignments from "./assignments-service";
import * as lessons from "./service";

const tags = ["lessons"];

/** Lessons under /api/members/:memberId/…: the member's progress, a clinician's assignment. */
export function lessonRoutes({ db }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/members/:memberId/lessons",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listLessons",
          tags,
          params: memberIdParamsSchema,
          response: { 200: lessonListSchema },
        },
      },
      async (request) => lessons.listLessons(db, actorOf(request), request.params.memberId),
    );
    app.put(
      "/api/members/:memberId/lessons/:lessonId/position",
      {
        preHandler: requireActor,
        schema: {
          operationId: "saveLessonPosition",
          tags,
          params: lessonParamsSchema,
          body: saveLessonPositionRequestSchema,
          response: { 200: lessonEntrySchema },
        },
      },
      async (request) =>
        lessons.saveLessonPosition(
          db,
          actorOf(request),
          request.params.memberId,
          request.params.lessonId,
          request.body.position,
        ),
    );
    app.post(
      "/api/members/:memberId/lessons/:lessonId/answers",
      {
        preHandler: requireActor,
        schema: {
          operationId: "answerLessonQuestion",
          tags,
          params: lessonParamsSchema,
          body: answerLessonRequestSchema,
          response: { 200: lessonAnswerSchema },
        },
      },
      async (request, reply) => {
        const { memberId, lessonId } = request.params;
        const result = await lessons.answerLessonQuestion(
          db,
          actorOf(request),
          memberId,
          lessonId,
          request.body.option,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 200).send(result.body);
      },
    );
    app.post(
      "/api/members/:memberId/lessons/:lessonId/completion",
      {
        preHandler: requireActor,
        schema: {
          operationId: "completeLesson",
          tags,
          params: lessonParamsSchema,
          body: completeLessonRequestSchema,
          response: { 200: lessonEntrySchema, 201: lessonEntrySchema },
        },
      },
      async (request, reply) => {
        const { memberId, lessonId } = request.params;
        const result = await lessons.completeLesson(
          db,
          actorOf(request),
          memberId,
          lessonId,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 201).send(result.body);
      },
    );
    app.post(
      "/api/members/:memberId/lessons/:lessonId/plan-step",
      {
        preHandler: requireActor,
        schema: {
          operationId: "addLessonStepToPlan",
          tags,
          params: lessonParamsSchema,
          body: addLessonStepRequestSchema,
          response: { 201: lessonStepSchema },
        },
      },
      async (request, reply) => {
        const { memberId, lessonId } = request.params;
        const result = await lessons.addLessonStepToPlan(
          db,
          actorOf(request),
          memberId,
          lessonId,
          request.body,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 201).send(result.body);
      },
    );
    app.post(
      "/api/members/:memberId/lesson-assignments",
      {
        preHandler: requireActor,
        preValidation: async (request) => {
          const { memberId } = request.params as { memberId: string };
          await assignments.refuseAssignmentWithoutGrant(db, actorOf(request), memberId);
        },
        schema: {
          operationId: "assignLesson",
          tags,
          params: memberIdParamsSchema,
          body: assignLessonRequestSchema,
          response: { 200: lessonAssignmentSchema, 201: lessonAssignmentSchema },
        },
      },
      async (request, reply) => {
        const result = await assignments.assignLesson(
          db,
          actorOf(request),
          request.params.memberId,
          request.body.lessonId,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 201).send(result.body);
      },
    );
    app.delete(
      "/api/members/:memberId/lesson-assignments/:lessonId",
      {
        preHandler: requireActor,
        schema: {
          operationId: "withdrawLessonAssignment",
          tags,
          params: lessonParamsSchema,
          response: { 200: okSchema },
        },
      },
      async (request, reply) => {
        const { memberId, lessonId } = request.params;
        const result = await assignments.withdrawLessonAssignment(
          db,
          actorOf(request),
          memberId,
          lessonId,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 200).send(result.body);
      },
    );
  };
}
