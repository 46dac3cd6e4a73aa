import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  assessmentListQuerySchema,
  assessmentListSchema,
  assessmentSchema,
  assessmentsDueSchema,
  endEpisodeBodySchema,
  instrumentListSchema,
  instrumentParamsSchema,
  langQuerySchema,
  memberEpisodeParamsSchema,
  opioidTypeParamsSchema,
  questionnaireResponseSchema,
  startEpisodeBodySchema,
  submitAssessmentBodySchema,
  withdrawalCourseSchema,
  withdrawalEpisodeListSchema,
  withdrawalEpisodeSchema,
} from "../../../domain/api/assessments";
import { memberIdParamsSchema } from "../../../domain/api/members";
import { questionnaireResponseSchema as questionnaireResponseResourceSchema } from "../../../domain/instruments/fhir-response";
import type { AppContext } from "../../app-context";
import { writeOnceFor } from "../../http/idempotency";
import { actorOf, requireActor } from "../../security/session";
import * as episodes from "./episodes";
import * as assessments from "./service";

/** Instruments (public definitions), responses and the withdrawal tracker. */
export function assessmentRoutes({ db }: AppContext): FastifyPluginAsyncZod {
  // A write sent with an Idempotency-Key lands once; a retry gets the first answer.

  return async (app) => {
    // Definitions and the expected withdrawal course are public content, not anyone's data.
    app.get(
      "/api/instruments",
      {
        schema: {
          operationId: "listInstruments",
          tags: ["assessments"],
          querystring: langQuerySchema,
          response: { 200: instrumentListSchema },
        },
      },
      async (request) => assessments.listInstruments(request.query.lang ?? "en"),
    );

    app.get(
      "/api/instruments/:instrumentId",
      {
        schema: {
          operationId: "getInstrument",
          tags: ["assessments"],
          params: instrumentParamsSchema,
          querystring: langQuerySchema,
          response: { 200: questionnaireResponseSchema },
        },
      },
      async (request) =>
        assessments.getInstrument(request.params.instrumentId, request.query.lang ?? "en"),
    );

    app.get(
      "/api/withdrawal-course/:opioidType",
      {
        schema: {
          operationId: "getWithdrawalCourse",
          tags: ["withdrawal"],
          params: opioidTypeParamsSchema,
          querystring: langQuerySchema,
          response: { 200: withdrawalCourseSchema },
        },
      },
      async (request) =>
        episodes.withdrawalCourse(request.params.opioidType, request.query.lang ?? "en"),
    );

    app.post(
      "/api/members/:memberId/assessments",
      {
        preHandler: requireActor,
        schema: {
          operationId: "submitAssessment",
          tags: ["assessments"],
          params: memberIdParamsSchema,
          body: submitAssessmentBodySchema,
          response: { 201: assessmentSchema },
        },
      },
      async (request, reply) => {
        const result = await assessments.submitAssessment(
          db,
          actorOf(request),
          request.params.memberId,
          request.body,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 201).send(result.body);
      },
    );

    app.get(
      "/api/members/:memberId/assessments",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listAssessments",
          tags: ["assessments"],
          params: memberIdParamsSchema,
          querystring: assessmentListQuerySchema,
          response: { 200: assessmentListSchema },
        },
      },
      async (request) =>
        assessments.listAssessments(db, actorOf(request), request.params.memberId, request.query),
    );

    app.get(
      "/api/members/:memberId/assessments/:responseId/fhir",
      {
        preHandler: requireActor,
        schema: {
          operationId: "exportAssessmentFhir",
          tags: ["assessments"],
          params: memberIdParamsSchema.extend({ responseId: z.string().min(1).max(64) }),
          querystring: langQuerySchema,
          response: { 200: questionnaireResponseResourceSchema },
        },
      },
      async (request, reply) => {
        const resource = await assessments.exportAssessmentFhir(
          db,
          actorOf(request),
          request.params.memberId,
          request.params.responseId,
          request.query.lang ?? "en",
        );
        return reply.type("application/fhir+json").send(resource);
      },
    );

    app.get(
      "/api/members/:memberId/assessments-due",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listAssessmentsDue",
          tags: ["assessments"],
          params: memberIdParamsSchema,
          response: { 200: assessmentsDueSchema },
        },
      },
      async (request) =>
        assessments.listAssessmentsDue(db, actorOf(request), request.params.memberId),
    );

    app.post(
      "/api/members/:memberId/withdrawal-episodes",
      {
        preHandler: requireActor,
        schema: {
          operationId: "startWithdrawalEpisode",
          tags: ["withdrawal"],
          params: memberIdParamsSchema,
          body: startEpisodeBodySchema,
          response: { 201: withdrawalEpisodeSchema },
        },
      },
      async (request, reply) => {
        const result = await episodes.startWithdrawalEpisode(
          db,
          actorOf(request),
          request.params.memberId,
          request.body,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 201).send(result.body);
      },
    );

    app.post(
      "/api/members/:memberId/withdrawal-episodes/:episodeId/end",
      {
        preHandler: requireActor,
        schema: {
          operationId: "endWithdrawalEpisode",
          tags: ["withdrawal"],
          params: memberEpisodeParamsSchema,
          body: endEpisodeBodySchema,
          response: { 200: withdrawalEpisodeSchema },
        },
      },
      async (request, reply) => {
        const { memberId, episodeId } = request.params;
        const result = await episodes.endWithdrawalEpisode(
          db,
          actorOf(request),
          memberId,
          episodeId,
          request.body,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 200).send(result.body);
      },
    );

    app.get(
      "/api/members/:memberId/withdrawal-episodes",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listWithdrawalEpisodes",
          tags: ["withdrawal"],
          params: memberIdParamsSchema,
          response: { 200: withdrawalEpisodeListSchema },
        },
      },
      async (request) =>
        episodes.listWithdrawalEpisodes(db, actorOf(request), request.params.memberId),
    );
  };
}
