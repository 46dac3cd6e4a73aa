import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { memberIdParamsSchema } from "../../../domain/api/members";
import {
  createTargetRequestSchema,
  ledgerLineSchema,
  memberRewardsSchema,
  occasionParamsSchema,
  recordOccasionRequestSchema,
  recordOccasionResultSchema,
  redeemRequestSchema,
  redemptionParamsSchema,
  targetParamsSchema,
  targetSchema,
} from "../../../domain/api/rewards";
import type { AppContext } from "../../app-context";
import { writeOnceFor } from "../../http/idempotency";
import { actorOf, requireActor } from "../../security/session";
import { organizationRewardRoutes } from "./organization/routes";
import * as redemption from "./redemption/service";
import { getMemberRewards } from "./service";
import * as verification from "./verification/service";

/**
 * Contingency management. The ledger has no route that changes or removes a line: every
 * write below appends (a correction or an undo is a new line).
 */
export function rewardRoutes({ db }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(organizationRewardRoutes(db));
    // Staff writes: without a live "rewards" grant, the same audited 403 whatever was sent.
    const staffOnly = {
      preHandler: requireActor,
      preValidation: async (request: FastifyRequest) => {
        const { memberId } = request.params as { memberId: string };
        await verification.refuseRewardsWriteWithoutGrant(db, actorOf(request), memberId);
      },
    };
    app.get(
      "/api/members/:memberId/rewards",
      {
        preHandler: requireActor,
        schema: {
          operationId: "getMemberRewards",
          tags: ["rewards"],
          params: memberIdParamsSchema,
          response: { 200: memberRewardsSchema },
        },
      },
      async (request) => getMemberRewards(db, actorOf(request), request.params.memberId),
    );
    app.post(
      "/api/members/:memberId/rewards/targets",
      {
        ...staffOnly,
        schema: {
          operationId: "createRewardTarget",
          tags: ["rewards"],
          params: memberIdParamsSchema,
          body: createTargetRequestSchema,
          response: { 201: targetSchema },
        },
      },
      async (request, reply) => {
        const result = await verification.createTarget(
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
      "/api/members/:memberId/rewards/targets/:targetId/end",
      {
        ...staffOnly,
        schema: {
          operationId: "endRewardTarget",
          tags: ["rewards"],
          params: targetParamsSchema,
          response: { 200: targetSchema },
        },
      },
      async (request, reply) => {
        const { memberId, targetId } = request.params;
        const result = await verification.endTarget(
          db,
          actorOf(request),
          memberId,
          targetId,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 200).send(result.body);
      },
    );
    app.post(
      "/api/members/:memberId/rewards/targets/:targetId/occasions",
      {
        ...staffOnly,
        schema: {
          operationId: "recordRewardOccasion",
          tags: ["rewards"],
          params: targetParamsSchema,
          body: recordOccasionRequestSchema,
          response: { 201: recordOccasionResultSchema },
        },
      },
      async (request, reply) => {
        const { memberId, targetId } = request.params;
        const result = await verification.recordOccasion(
          db,
          actorOf(request),
          memberId,
          targetId,
          request.body,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 201).send(result.body);
      },
    );
    app.post(
      "/api/members/:memberId/rewards/occasions/:occasionId/correction",
      {
        ...staffOnly,
        schema: {
          operationId: "correctRewardOccasion",
          tags: ["rewards"],
          params: occasionParamsSchema,
          response: { 201: targetSchema },
        },
      },
      async (request, reply) => {
        const { memberId, occasionId } = request.params;
        const result = await verification.correctOccasion(
          db,
          actorOf(request),
          memberId,
          occasionId,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 201).send(result.body);
      },
    );
    app.post(
      "/api/members/:memberId/rewards/redemptions",
      {
        preHandler: requireActor,
        schema: {
          operationId: "redeemReward",
          tags: ["rewards"],
          params: memberIdParamsSchema,
          body: redeemRequestSchema,
          response: { 201: ledgerLineSchema },
        },
      },
      async (request, reply) => {
        const result = await redemption.redeemReward(
          db,
          actorOf(request),
          request.params.memberId,
          request.body.rewardId,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 201).send(result.body);
      },
    );
    app.post(
      "/api/members/:memberId/rewards/redemptions/:lineId/undo",
      {
        preHandler: requireActor,
        schema: {
          operationId: "undoRewardRedemption",
          tags: ["rewards"],
          params: redemptionParamsSchema,
          response: { 201: ledgerLineSchema },
        },
      },
      async (request, reply) => {
        const { memberId, lineId } = request.params;
        const result = await redemption.undoRedemption(
          db,
          actorOf(request),
          memberId,
          lineId,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 201).send(result.body);
      },
    );
  };
}
