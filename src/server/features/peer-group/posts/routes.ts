import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  createdPeerPostSchema,
  peerChannelParamsSchema,
  peerPostListQuerySchema,
  peerPostListSchema,
  peerPostParamsSchema,
  peerPostRequestSchema,
  peerReportResultSchema,
  peerSupportSchema,
  reportPeerPostRequestSchema,
} from "../../../../domain/api/peer-group";
import type { AppContext } from "../../../app-context";
import { writeOnceFor } from "../../../http/idempotency";
import { actorOf, requireActor } from "../../../security/session";
import * as service from "./service";

/** Reading a channel, posting and replying (Idempotency-Key), support and reports. */
export function postRoutes({ db }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["peer-group"];
    app.get(
      "/api/peer-group/channels/:channel/posts",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listPeerPosts",
          tags,
          params: peerChannelParamsSchema,
          querystring: peerPostListQuerySchema,
          response: { 200: peerPostListSchema },
        },
      },
      async (request) =>
        service.listPosts(db, actorOf(request), request.params.channel, request.query.before),
    );
    app.post(
      "/api/peer-group/channels/:channel/posts",
      {
        preHandler: requireActor,
        schema: {
          operationId: "createPeerPost",
          tags,
          params: peerChannelParamsSchema,
          body: peerPostRequestSchema,
          response: { 201: createdPeerPostSchema },
        },
      },
      async (request, reply) => {
        const result = await service.createPost(
          db,
          actorOf(request),
          { channel: request.params.channel },
          request.body.body,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 201).send(result.body);
      },
    );
    app.post(
      "/api/peer-group/posts/:postId/replies",
      {
        preHandler: requireActor,
        schema: {
          operationId: "replyToPeerPost",
          tags,
          params: peerPostParamsSchema,
          body: peerPostRequestSchema,
          response: { 201: createdPeerPostSchema },
        },
      },
      async (request, reply) => {
        const result = await service.createPost(
          db,
          actorOf(request),
          { parentId: request.params.postId },
          request.body.body,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 201).send(result.body);
      },
    );
    for (const [method, supported] of [
      ["PUT", true],
      ["DELETE", false],
    ] as const) {
      app.route({
        method,
        url: "/api/peer-group/posts/:postId/support",
        preHandler: requireActor,
        schema: {
          operationId: supported ? "sendPeerSupport" : "withdrawPeerSupport",
          tags,
          params: peerPostParamsSchema,
          response: { 200: peerSupportSchema },
        },
        handler: async (request) =>
          service.setSupport(db, actorOf(request), request.params.postId, supported),
      });
    }
    app.post(
      "/api/peer-group/posts/:postId/reports",
      {
        preHandler: requireActor,
        schema: {
          operationId: "reportPeerPost",
          tags,
          params: peerPostParamsSchema,
          body: reportPeerPostRequestSchema,
          response: { 201: peerReportResultSchema, 200: peerReportResultSchema },
        },
      },
      async (request, reply) => {
        const { created } = await service.reportPost(
          db,
          actorOf(request),
          request.params.postId,
          request.body.reason,
        );
        return reply.code(created ? 201 : 200).send({ reported: true as const });
      },
    );
  };
}
