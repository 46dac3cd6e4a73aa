import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  endOrganizationSessionsBodySchema,
  organizationParamsSchema,
  organizationSessionsEndedSchema,
  staffListSchema,
  staffMemberParamsSchema,
  staffRemovalSchema,
} from "../../../domain/api/organization";
import type { AppContext } from "../../app-context";
import { actorOf, requireActor } from "../../security/session";
import { authRateLimitFor } from "../auth/routes";
import * as service from "./service";

/** An organization's staff, for its admins. */
export function organizationRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db, config } = context;
  const tags = ["organization"];
  const authRateLimit = authRateLimitFor(config);
  return async (app) => {
    app.get(
      "/api/organizations/:organizationId/staff",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listOrganizationStaff",
          tags,
          params: organizationParamsSchema,
          response: { 200: staffListSchema },
        },
      },
      async (request) => service.listStaff(db, actorOf(request), request.params.organizationId),
    );
    // Not keyed by Idempotency-Key: a repeat finds nobody to remove and says so (404),
    // having changed nothing.
    app.delete(
      "/api/organizations/:organizationId/staff/:personId",
      {
        preHandler: requireActor,
        config: { securityEvent: "removed-from-organization" },
        schema: {
          operationId: "removeFromOrganization",
          tags,
          params: staffMemberParamsSchema,
          response: { 200: staffRemovalSchema },
        },
      },
      async (request) => service.removeFromOrganization(db, actorOf(request), request.params),
    );

    app.post(
      "/api/organizations/:organizationId/sessions/end",
      {
        preHandler: requireActor,
        // The admin's password is checked here: the same per-address limit as sign-in.
        config: { ...authRateLimit, securityEvent: "organization-sessions-ended" },
        schema: {
          operationId: "endOrganizationSessions",
          tags,
          params: organizationParamsSchema,
          body: endOrganizationSessionsBodySchema,
          response: { 200: organizationSessionsEndedSchema },
        },
      },
      async (request) =>
        service.endOrganizationSessions(
          db,
          actorOf(request),
          request.params.organizationId,
          request.body,
        ),
    );
  };
}
