import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  createResetLinkBodySchema,
  endSessionsBodySchema,
  recoverWithCodeBodySchema,
  resetLinkSchema,
  resetPasswordBodySchema,
} from "../../../../domain/api/account-recovery";
import { okSchema } from "../../../../domain/api/auth";
import type { AppContext } from "../../../app-context";
import { actorOf, requireActor } from "../../../security/session";
import { authRateLimitFor } from "../routes";
import * as service from "./service";

export function recoveryRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db, config } = context;
  const authRateLimit = authRateLimitFor(config);

  return async (app) => {
    // Not idempotent by key on purpose: the answer is a secret link, which must not be stored.
    app.post(
      "/api/password-reset-links",
      {
        preHandler: requireActor,
        config: { securityEvent: "reset-link-issued" },
        schema: {
          operationId: "createPasswordResetLink",
          tags: ["auth"],
          body: createResetLinkBodySchema,
          response: { 201: resetLinkSchema },
        },
      },
      async (request, reply) => {
        const baseUrl = config.publicUrl ?? `${request.protocol}://${request.host}`;
        const link = await service.createResetLink(db, actorOf(request), request.body, baseUrl);
        return reply.code(201).send(link);
      },
    );

    app.post(
      "/api/people/sessions/end",
      {
        preHandler: requireActor,
        config: { securityEvent: "sessions-ended-by-admin" },
        schema: {
          operationId: "endSessionsOfPerson",
          tags: ["auth"],
          body: endSessionsBodySchema,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await service.endSessionsOf(db, actorOf(request), request.body);
        return { ok: true as const };
      },
    );

    app.post(
      "/api/auth/password-reset",
      {
        config: { ...authRateLimit, securityEvent: "password-reset-link-used" },
        schema: {
          operationId: "resetPassword",
          tags: ["auth"],
          body: resetPasswordBodySchema,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await service.resetPassword(db, request.body);
        return { ok: true as const };
      },
    );

    app.post(
      "/api/auth/recover",
      {
        config: { ...authRateLimit, securityEvent: "password-recovery-code-used" },
        schema: {
          operationId: "recoverWithCode",
          tags: ["auth"],
          body: recoverWithCodeBodySchema,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await service.recoverWithCode(db, request.body);
        return { ok: true as const };
      },
    );
  };
}
