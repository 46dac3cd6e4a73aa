import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  acknowledgeRulesRequestSchema,
  joinPeerGroupRequestSchema,
  peerGroupSchema,
  peerLeaveSchema,
  peerMembershipSchema,
} from "../../../domain/api/peer-group";
import type { AppContext } from "../../app-context";
import { actorOf, requireActor } from "../../security/session";
import { moderationRoutes } from "./moderation/routes";
import { postRoutes } from "./posts/routes";
import * as service from "./service";

/** The peer group: opting in under an alias, the rules notice, leaving; posts; moderation. */
export function peerGroupRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context;
  return async (app) => {
    const tags = ["peer-group"];
    app.get(
      "/api/peer-group",
      {
        preHandler: requireActor,
        schema: { operationId: "getPeerGroup", tags, response: { 200: peerGroupSchema } },
      },
      async (request) => service.getPeerGroup(db, actorOf(request)),
    );
    app.post(
      "/api/peer-group/membership",
      {
        preHandler: requireActor,
        schema: {
          operationId: "joinPeerGroup",
          tags,
          body: joinPeerGroupRequestSchema,
          response: { 201: peerMembershipSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.joinPeerGroup(db, actorOf(request), request.body)),
    );
    app.post(
      "/api/peer-group/membership/rules",
      {
        preHandler: requireActor,
        schema: {
          operationId: "acknowledgePeerGroupRules",
          tags,
          body: acknowledgeRulesRequestSchema,
          response: { 200: peerMembershipSchema },
        },
      },
      async (request) => service.acknowledgeRules(db, actorOf(request), request.body.version),
    );
    app.delete(
      "/api/peer-group/membership",
      {
        preHandler: requireActor,
        schema: { operationId: "leavePeerGroup", tags, response: { 200: peerLeaveSchema } },
      },
      async (request) => service.leavePeerGroup(db, actorOf(request)),
    );
    await app.register(postRoutes(context));
    await app.register(moderationRoutes(context));
  };
}
