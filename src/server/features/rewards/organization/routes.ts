import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Kysely } from "kysely";
import {
  catalogueRewardParamsSchema,
  catalogueRewardRequestSchema,
  catalogueRewardSchema,
  organizationParamsSchema,
  organizationRewardsSchema,
  rewardSettingsRequestSchema,
} from "../../../../domain/api/rewards";
import { rewardSettingsSchema } from "../../../../domain/rewards/schedule";
import type { Database } from "../../../db/schema";
import { actorOf, requireActor } from "../../../security/session";
import * as organizationRewards from "./service";

/** An organization's schedule, yearly cap and list of rewards: its staff's, not a member's data. */
export function organizationRewardRoutes(db: Kysely<Database>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/rewards/organizations",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listOrganizationRewards",
          tags: ["rewards"],
          response: { 200: organizationRewardsSchema },
        },
      },
      async (request) => organizationRewards.listOrganizationRewards(db, actorOf(request)),
    );
    app.put(
      "/api/organizations/:organizationId/rewards/settings",
      {
        preHandler: requireActor,
        schema: {
          operationId: "updateRewardSettings",
          tags: ["rewards"],
          params: organizationParamsSchema,
          body: rewardSettingsRequestSchema,
          response: { 200: rewardSettingsSchema },
        },
      },
      async (request) =>
        organizationRewards.updateRewardSettings(
          db,
          actorOf(request),
          request.params.organizationId,
          request.body,
        ),
    );
    app.post(
      "/api/organizations/:organizationId/rewards/catalogue",
      {
        preHandler: requireActor,
        schema: {
          operationId: "createCatalogueReward",
          tags: ["rewards"],
          params: organizationParamsSchema,
          body: catalogueRewardRequestSchema,
          response: { 201: catalogueRewardSchema },
        },
      },
      async (request, reply) => {
        const reward = await organizationRewards.createCatalogueReward(
          db,
          actorOf(request),
          request.params.organizationId,
          request.body,
        );
        return reply.code(201).send(reward);
      },
    );
    app.put(
      "/api/organizations/:organizationId/rewards/catalogue/:rewardId",
      {
        preHandler: requireActor,
        schema: {
          operationId: "updateCatalogueReward",
          tags: ["rewards"],
          params: catalogueRewardParamsSchema,
          body: catalogueRewardRequestSchema,
          response: { 200: catalogueRewardSchema },
        },
      },
      async (request) =>
        organizationRewards.updateCatalogueReward(
          db,
          actorOf(request),
          request.params.organizationId,
          request.params.rewardId,
          request.body,
        ),
    );
  };
}
