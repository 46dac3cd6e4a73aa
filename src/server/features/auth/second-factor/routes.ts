import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { meSchema } from "../../../../domain/api/auth";
import {
  recoveryCodesSchema,
  regenerateRecoveryCodesBodySchema,
  secondFactorStatusSchema,
  totpCodeBodySchema,
  totpEnrolmentSchema,
  verifySecondFactorBodySchema,
} from "../../../../domain/api/second-factor";
import type { AppContext } from "../../../app-context";
import { actorOf, requireActor, setSessionCookie } from "../../../security/session";
import { authRateLimitFor } from "../routes";
import { getMe } from "../service";
import { passkeyRoutes, relyingPartyFor } from "./passkeys/routes";
import * as service from "./service";

/**
 * None of these take an Idempotency-Key: their answers carry secrets (a setup key, recovery
 * codes), and a stored replay would keep a copy of them in the idempotency table.
 */
export function secondFactorRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db, config, secrets } = context;
  const authRateLimit = authRateLimitFor(config);

  return async (app) => {
    app.get(
      "/api/second-factor",
      {
        preHandler: requireActor,
        schema: {
          operationId: "getSecondFactorStatus",
          tags: ["auth"],
          response: { 200: secondFactorStatusSchema },
        },
      },
      async (request) => service.getStatus(db, actorOf(request)),
    );

    app.post(
      "/api/second-factor/totp",
      {
        preHandler: requireActor,
        schema: {
          operationId: "beginTotpEnrolment",
          tags: ["auth"],
          response: { 201: totpEnrolmentSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.beginTotpEnrolment(db, secrets, actorOf(request))),
    );

    app.post(
      "/api/second-factor/totp/confirm",
      {
        preHandler: requireActor,
        config: { ...authRateLimit, securityEvent: "authenticator-added" },
        schema: {
          operationId: "confirmTotpEnrolment",
          tags: ["auth"],
          body: totpCodeBodySchema,
          response: { 200: recoveryCodesSchema },
        },
      },
      async (request, reply) => {
        const { codes, session } = await service.confirmTotpEnrolment(
          db,
          secrets,
          actorOf(request),
          request.body.code,
          request.headers["user-agent"] ?? null,
        );
        setSessionCookie(request, reply, session.token, session.expiresAt);
        return codes;
      },
    );

    app.post(
      "/api/second-factor/recovery-codes",
      {
        preHandler: requireActor,
        // A password is guessed here as at sign-in: the same per-address limit applies.
        config: { ...authRateLimit, securityEvent: "recovery-codes-renewed" },
        schema: {
          operationId: "regenerateRecoveryCodes",
          tags: ["auth"],
          body: regenerateRecoveryCodesBodySchema,
          response: { 200: recoveryCodesSchema },
        },
      },
      async (request) =>
        service.regenerateRecoveryCodes(db, actorOf(request), request.body.password),
    );

    app.post(
      "/api/auth/second-factor",
      {
        preHandler: requireActor,
        config: { ...authRateLimit, partlySignedIn: true, securityEvent: "second-factor" },
        schema: {
          operationId: "verifySecondFactor",
          tags: ["auth"],
          body: verifySecondFactorBodySchema,
          response: { 200: meSchema },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const session = await service.verifySecondFactor(
          db,
          secrets,
          actor,
          request.body,
          relyingPartyFor(config, request),
          request.headers["user-agent"] ?? null,
        );
        setSessionCookie(request, reply, session.token, session.expiresAt);
        return getMe(db, actor.userId, "verified");
      },
    );

    await app.register(passkeyRoutes(context));
  };
}
