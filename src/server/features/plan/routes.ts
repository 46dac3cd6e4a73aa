import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { memberIdParamsSchema } from "../../../domain/api/members";
import {
  createGoalBodySchema,
  createStepBodySchema,
  deletedSchema,
  goalParamsSchema,
  goalSchema,
  planHistoryQuerySchema,
  planHistorySchema,
  planSchema,
  stepParamsSchema,
  stepSchema,
  submitIntakeBodySchema,
  updateGoalBodySchema,
  updateStepBodySchema,
} from "../../../domain/api/plan";
import type { AppContext } from "../../app-context";
import { actorOf, requireActor } from "../../security/session";
import { replayable } from "./http";
import * as intake from "./intake-service";
import { motivationRoutes } from "./motivation-routes";
import * as service from "./service";

const tags = ["plan"];

/** The recovery plan under /api/members/:memberId/…, so the policy can later let others read it. */
export function planRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context;
  return async (app) => {
    app.post(
      "/api/members/:memberId/intake",
      {
        preHandler: requireActor,
        schema: {
          operationId: "submitIntake",
          tags,
          params: memberIdParamsSchema,
          body: submitIntakeBodySchema,
          response: { 201: planSchema },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const plan = await intake.submitIntake(db, actor, request.params.memberId, request.body, {
          run: replayable(request, db, actor.userId),
        });
        return reply.code(201).send(plan);
      },
    );

    app.get(
      "/api/members/:memberId/plan",
      {
        preHandler: requireActor,
        schema: {
          operationId: "getPlan",
          tags,
          params: memberIdParamsSchema,
          response: { 200: planSchema },
        },
      },
      async (request) => service.getPlan(db, actorOf(request), request.params.memberId),
    );

    app.post(
      "/api/members/:memberId/plan/goals",
      {
        preHandler: requireActor,
        schema: {
          operationId: "createGoal",
          tags,
          params: memberIdParamsSchema,
          body: createGoalBodySchema,
          response: { 201: goalSchema },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const goal = await service.createGoal(db, actor, request.params.memberId, request.body, {
          run: replayable(request, db, actor.userId),
        });
        return reply.code(201).send(goal);
      },
    );

    app.patch(
      "/api/members/:memberId/plan/goals/:goalId",
      {
        preHandler: requireActor,
        schema: {
          operationId: "updateGoal",
          tags,
          params: goalParamsSchema,
          body: updateGoalBodySchema,
          response: { 200: goalSchema },
        },
      },
      async (request) =>
        service.updateGoal(
          db,
          actorOf(request),
          request.params.memberId,
          request.params.goalId,
          request.body,
        ),
    );

    app.delete(
      "/api/members/:memberId/plan/goals/:goalId",
      {
        preHandler: requireActor,
        schema: {
          operationId: "deleteGoal",
          tags,
          params: goalParamsSchema,
          response: { 200: deletedSchema },
        },
      },
      async (request) =>
        service.deleteGoal(db, actorOf(request), request.params.memberId, request.params.goalId),
    );

    app.post(
      "/api/members/:memberId/plan/steps",
      {
        preHandler: requireActor,
        schema: {
          operationId: "createStep",
          tags,
          params: memberIdParamsSchema,
          body: createStepBodySchema,
          response: { 201: stepSchema },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const step = await service.createStep(db, actor, request.params.memberId, request.body, {
          run: replayable(request, db, actor.userId),
        });
        return reply.code(201).send(step);
      },
    );

    app.patch(
      "/api/members/:memberId/plan/steps/:stepId",
      {
        preHandler: requireActor,
        schema: {
          operationId: "updateStep",
          tags,
          params: stepParamsSchema,
          body: updateStepBodySchema,
          response: { 200: stepSchema },
        },
      },
      async (request) =>
        service.updateStep(
          db,
          actorOf(request),
          request.params.memberId,
          request.params.stepId,
          request.body,
        ),
    );

    app.delete(
      "/api/members/:memberId/plan/steps/:stepId",
      {
        preHandler: requireActor,
        schema: {
          operationId: "deleteStep",
          tags,
          params: stepParamsSchema,
          response: { 200: deletedSchema },
        },
      },
      async (request) =>
        service.deleteStep(db, actorOf(request), request.params.memberId, request.params.stepId),
    );

    app.get(
      "/api/members/:memberId/plan/history",
      {
        preHandler: requireActor,
        schema: {
          operationId: "getPlanHistory",
          tags,
          params: memberIdParamsSchema,
          querystring: planHistoryQuerySchema,
          response: { 200: planHistorySchema },
        },
      },
      async (request) =>
        service.getPlanHistory(db, actorOf(request), request.params.memberId, request.query),
    );

    await app.register(motivationRoutes(context));
  };
}
