import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  grantModeratorRequestSchema,
  peerAliasParamsSchema,
  peerModerationResultSchema,
  peerModeratorListSchema,
  peerModeratorParamsSchema,
  peerModeratorSchema,
  peerPostParamsSchema,
  peerReportQueueSchema,
} from "../../../../domain/api/peer-group";
import type { AppContext } from "../../../app-context";
import { writeOnceFor } from "../../../http/idempotency";
import { actorOf, requireActor } from "../../../security/session";
import * as moderators from "./moderator-service";
import * as service from "./service";

/** The moderators' queue and actions, and the admin's grant of the moderator role. */
export function moderationRoutes({ db }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["peer-group"];
    app.get(
      "/api/peer-group/moderation/reports",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listPeerReports",
          tags,
          response: { 200: peerReportQueueSchema },
        },
      },
      async (request) => service.getReportQueue(db, actorOf(request)),
    );
    for (const [path, operationId, action] of [
      ["hide", "hidePeerPost", "hide-post"],
      ["unhide", "unhidePeerPost", "unhide-post"],
      ["dismiss-reports", "dismissPeerReports", "dismiss-reports"],
    ] as const) {
      app.post(
        `/api/peer-group/moderation/posts/:postId/${path}`,
        {
          preHandler: requireActor,
          schema: {
            operationId,
            tags,
            params: peerPostParamsSchema,
            response: { 200: peerModerationResultSchema },
          },
        },
        async (request, reply) => {
          const result = await service.moderatePost(
            db,
            actorOf(request),
            request.params.postId,
            action,
            writeOnceFor(db, request),
          );
          return reply.code(result.statusCode as 200).send(result.body);
        },
      );
    }
    for (const [method, muted] of [
      ["PUT", true],
      ["DELETE", false],
    ] as const) {
      app.route({
        method,
        url: "/api/peer-group/moderation/mutes/:alias",
        preHandler: requireActor,
        schema: {
          operationId: muted ? "mutePeerMember" : "unmutePeerMember",
          tags,
          params: peerAliasParamsSchema,
          response: { 200: peerModerationResultSchema },
        },
        handler: async (request, reply) => {
          const result = await service.setMuted(
            db,
            actorOf(request),
            request.params.alias,
            muted,
            writeOnceFor(db, request),
          );
          return reply.code(result.statusCode as 200).send(result.body);
        },
      });
    }

    app.get(
      "/api/peer-group/moderators",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listPeerModerators",
          tags,
          response: { 200: peerModeratorListSchema },
        },
      },
      async (request) => moderators.listModerators(db, actorOf(request)),
    );
    app.post(
      "/api/peer-group/moderators",
      {
        preHandler: requireActor,
        schema: {
          operationId: "grantPeerModerator",
          tags,
          body: grantModeratorRequestSchema,
          response: { 201: peerModeratorSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await moderators.grantModerator(db, actorOf(request), request.body)),
    );
    app.delete(
      "/api/peer-group/moderators/:userId",
      {
        preHandler: requireActor,
        schema: {
          operationId: "revokePeerModerator",
          tags,
          params: peerModeratorParamsSchema,
          response: { 200: peerModerationResultSchema },
        },
      },
      async (request) => moderators.revokeModerator(db, actorOf(request), request.params.userId),
    );
  };
}
