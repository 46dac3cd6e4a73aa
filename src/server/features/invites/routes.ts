import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  acceptInviteBodySchema,
  createInviteBodySchema,
  inviteSchema,
  meSchema,
} from "../../../domain/api/auth";
import type { AppContext } from "../../app-context";
import { actorOf, requireActor, setSessionCookie } from "../../security/session";
import * as service from "./service";

export function inviteRoutes({ db, config }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/api/invites",
      {
        preHandler: requireActor,
        schema: {
          operationId: "createInvite",
          tags: ["invites"],
          body: createInviteBodySchema,
          response: { 201: inviteSchema },
        },
      },
      async (request, reply) => {
        const baseUrl = config.publicUrl ?? `${request.protocol}://${request.host}`;
        const invite = await service.createInvite(db, actorOf(request), request.body, baseUrl);
        return reply.code(201).send(invite);
      },
    );

    app.post(
      "/api/invites/accept",
      {
        config: {
          rateLimit: { max: config.authRateLimit.max, timeWindow: config.authRateLimit.windowMs },
          securityEvent: "invite-accepted",
        },
        schema: {
          operationId: "acceptInvite",
          tags: ["invites"],
          body: acceptInviteBodySchema,
          response: { 201: meSchema },
        },
      },
      async (request, reply) => {
        const session = await service.acceptInvite(
          db,
          request.body,
          request.headers["user-agent"] ?? null,
        );
        request.securityEventUserId = session.me.id;
        setSessionCookie(request, reply, session.token, session.expiresAt);
        return reply.code(201).send(session.me);
      },
    );
  };
}
