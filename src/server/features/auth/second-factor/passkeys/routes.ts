import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { okSchema } from "../../../../../domain/api/auth";
import {
  addedPasskeySchema,
  addPasskeyBodySchema,
  passkeyCreationOptionsSchema,
  passkeyListSchema,
  passkeyParamsSchema,
  passkeyRequestOptionsSchema,
  passkeyUnlockBodySchema,
  removePasskeyBodySchema,
  removePasskeyQuerySchema,
} from "../../../../../domain/api/passkeys";
import { type RelyingParty, relyingPartyOf } from "../../../../../domain/passkeys";
import type { AppContext } from "../../../../app-context";
import type { Config } from "../../../../config";
import { actorOf, requireActor, setSessionCookie } from "../../../../security/session";
import { authRateLimitFor } from "../../routes";
import * as service from "./service";
import * as signIn from "./sign-in";

/** Where passkeys are bound: WAYMARK_PUBLIC_URL, else the address this request came to. */
export function relyingPartyFor(config: Config, request: FastifyRequest): RelyingParty {
  return relyingPartyOf(config.publicUrl, `${request.protocol}://${request.host}`);
}

/**
 * Passkeys on the Sign-in protection screen, and the challenge for finishing sign-in with one
 * (the answer goes to verifySecondFactor). No Idempotency-Key: a challenge is single use, and
 * an enrolment's answer can carry recovery codes that must not be stored for a replay.
 */
export function passkeyRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db, config } = context;
  const authRateLimit = authRateLimitFor(config);

  return async (app) => {
    app.get(
      "/api/second-factor/passkeys",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listPasskeys",
          tags: ["auth"],
          response: { 200: passkeyListSchema },
        },
      },
      async (request) => service.listPasskeys(db, actorOf(request)),
    );

    app.post(
      "/api/second-factor/passkeys/options",
      {
        preHandler: requireActor,
        schema: {
          operationId: "beginPasskeyEnrolment",
          tags: ["auth"],
          response: { 200: passkeyCreationOptionsSchema },
        },
      },
      async (request) =>
        service.beginEnrolment(db, actorOf(request), relyingPartyFor(config, request)),
    );

    app.post(
      "/api/second-factor/passkeys",
      {
        preHandler: requireActor,
        config: authRateLimit,
        schema: {
          operationId: "addPasskey",
          tags: ["auth"],
          body: addPasskeyBodySchema,
          response: { 201: addedPasskeySchema },
        },
      },
      async (request, reply) => {
        const { added, session } = await service.addPasskey(
          db,
          actorOf(request),
          request.body,
          relyingPartyFor(config, request),
          request.headers["user-agent"] ?? null,
        );
        if (session) setSessionCookie(request, reply, session.token, session.expiresAt);
        return reply.code(201).send(added);
      },
    );

    app.delete(
      "/api/second-factor/passkeys/:passkeyId",
      {
        preHandler: requireActor,
        schema: {
          operationId: "removePasskey",
          tags: ["auth"],
          params: passkeyParamsSchema,
          querystring: removePasskeyQuerySchema,
          body: removePasskeyBodySchema,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await service.removePasskey(
          db,
          actorOf(request),
          request.params.passkeyId,
          request.query.lastFactor === "remove-anyway",
          request.body.password,
        );
        return { ok: true as const };
      },
    );

    app.post(
      "/api/second-factor/passkeys/unlock-options",
      {
        preHandler: requireActor,
        schema: {
          operationId: "beginPasskeyUnlock",
          tags: ["auth"],
          response: { 200: passkeyRequestOptionsSchema },
        },
      },
      async (request) => signIn.beginUnlock(db, actorOf(request), relyingPartyFor(config, request)),
    );

    app.post(
      "/api/second-factor/passkeys/unlock",
      {
        preHandler: requireActor,
        config: authRateLimit,
        schema: {
          operationId: "unlockWithPasskey",
          tags: ["auth"],
          body: passkeyUnlockBodySchema,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await signIn.unlockWithPasskey(
          db,
          actorOf(request),
          request.body.passkey,
          relyingPartyFor(config, request),
        );
        return { ok: true as const };
      },
    );

    app.post(
      "/api/auth/second-factor/passkey-options",
      {
        preHandler: requireActor,
        config: { ...authRateLimit, partlySignedIn: true },
        schema: {
          operationId: "beginPasskeySignIn",
          tags: ["auth"],
          response: { 200: passkeyRequestOptionsSchema },
        },
      },
      async (request) => signIn.beginSignIn(db, actorOf(request), relyingPartyFor(config, request)),
    );
  };
}
