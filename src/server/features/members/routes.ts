import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  auditEventListSchema,
  memberIdParamsSchema,
  memberProfileSchema,
} from "../../../domain/api/members";
import type { AppContext } from "../../app-context";
import { actorOf, requireActor } from "../../security/session";
import * as service from "./service";

export function memberRoutes({ db }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/members/:memberId/profile",
      {
        preHandler: requireActor,
        schema: {
          operationId: "getMemberProfile",
          tags: ["members"],
          params: memberIdParamsSchema,
          response: { 200: memberProfileSchema },
        },
      },
      async (request) => service.getMemberProfile(db, actorOf(request), request.params.memberId),
    );

    app.get(
      "/api/members/:memberId/audit-events",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listMemberAuditEvents",
          tags: ["members"],
          params: memberIdParamsSchema,
          response: { 200: auditEventListSchema },
        },
      },
      async (request) => ({
        events: await service.listAuditEventsAbout(db, actorOf(request), request.params.memberId),
      }),
    );
  };
}
