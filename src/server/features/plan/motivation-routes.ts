import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { memberIdParamsSchema } from "../../../domain/api/members";
import {
  createPlanReviewBodySchema,
  motivationResponseSchema,
  planReviewListSchema,
  planReviewSchema,
  readinessListSchema,
  readinessRatingSchema,
  recordReadinessBodySchema,
  updateMotivationBodySchema,
} from "../../../domain/api/plan";
import type { AppContext } from "../../app-context";
import { actorOf, requireActor } from "../../security/session";
import { replayable } from "./http";
import * as service from "./motivation-service";

const tags = ["plan"];

/** Motivation, the readiness ruler and the weekly plan check; registered by planRoutes. */
export function motivationRoutes({ db }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/members/:memberId/motivation",
      {
        preHandler: requireActor,
        schema: {
          operationId: "getMotivation",
          tags,
          params: memberIdParamsSchema,
          response: { 200: motivationResponseSchema },
        },
      },
      async (request) => service.getMotivation(db, actorOf(request), request.params.memberId),
    );

    app.patch(
      "/api/members/:memberId/motivation",
      {
        preHandler: requireActor,
        schema: {
          operationId: "updateMotivation",
          tags,
          params: memberIdParamsSchema,
          body: updateMotivationBodySchema,
          response: { 200: motivationResponseSchema },
        },
      },
      async (request) =>
        service.updateMotivation(db, actorOf(request), request.params.memberId, request.body),
    );

    app.post(
      "/api/members/:memberId/readiness",
      {
        preHandler: requireActor,
        schema: {
          operationId: "recordReadiness",
          tags,
          params: memberIdParamsSchema,
          body: recordReadinessBodySchema,
          response: { 201: readinessRatingSchema },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const rating = await service.recordReadiness(
          db,
          actor,
          request.params.memberId,
          request.body,
          { run: replayable(request, db, actor.userId) },
        );
        return reply.code(201).send(rating);
      },
    );

    app.get(
      "/api/members/:memberId/readiness",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listReadiness",
          tags,
          params: memberIdParamsSchema,
          response: { 200: readinessListSchema },
        },
      },
      async (request) => service.listReadiness(db, actorOf(request), request.params.memberId),
    );

    app.post(
      "/api/members/:memberId/plan/reviews",
      {
        preHandler: requireActor,
        schema: {
          operationId: "createPlanReview",
          tags,
          params: memberIdParamsSchema,
          body: createPlanReviewBodySchema,
          response: { 201: planReviewSchema },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const review = await service.createPlanReview(
          db,
          actor,
          request.params.memberId,
          request.body,
          { run: replayable(request, db, actor.userId) },
        );
        return reply.code(201).send(review);
      },
    );

    app.get(
      "/api/members/:memberId/plan/reviews",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listPlanReviews",
          tags,
          params: memberIdParamsSchema,
          response: { 200: planReviewListSchema },
        },
      },
      async (request) => service.listPlanReviews(db, actorOf(request), request.params.memberId),
    );
  };
}
