import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  changePasswordBodySchema,
  endOtherSessionsBodySchema,
  endSessionBodySchema,
  meSchema,
  okSchema,
  otherSessionsEndedSchema,
  publicConfigSchema,
  sessionIdParamsSchema,
  sessionListSchema,
  signInBodySchema,
  signUpBodySchema,
} from "../../../domain/api/auth";
import type { AppContext } from "../../app-context";
import type { Config } from "../../config";
import { AppError } from "../../errors";
import {
  actorOf,
  clearSessionCookie,
  requireActor,
  setSessionCookie,
} from "../../security/session";
import * as service from "./service";
import * as sessions from "./sessions";

/** The per-IP limit on every route that checks a secret (passwords, codes, reset links). */
export function authRateLimitFor(config: Config) {
  return {
    rateLimit: { max: config.authRateLimit.max, timeWindow: config.authRateLimit.windowMs },
  };
}

export function authRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db, config } = context;
  const authRateLimit = authRateLimitFor(config);

  return async (app) => {
    app.get(
      "/api/config",
      {
        schema: {
          operationId: "getPublicConfig",
          tags: ["system"],
          response: { 200: publicConfigSchema },
        },
      },
      async () => ({ signUpOpen: config.signUpOpen }),
    );

    app.post(
      "/api/auth/sign-up",
      {
        config: { ...authRateLimit, securityEvent: "sign-up" },
        schema: {
          operationId: "signUp",
          tags: ["auth"],
          body: signUpBodySchema,
          response: { 201: meSchema },
        },
      },
      async (request, reply) => {
        if (!config.signUpOpen) {
          throw new AppError("signup_closed", 403, "New accounts are made by invitation here.");
        }
        const session = await service.signUp(
          db,
          request.body,
          request.headers["user-agent"] ?? null,
        );
        request.securityEventUserId = session.me.id;
        setSessionCookie(request, reply, session.token, session.expiresAt);
        return reply.code(201).send(session.me);
      },
    );

    app.post(
      "/api/auth/sign-in",
      {
        config: { ...authRateLimit, securityEvent: "sign-in" },
        schema: {
          operationId: "signIn",
          tags: ["auth"],
          body: signInBodySchema,
          response: { 200: meSchema },
        },
      },
      async (request, reply) => {
        const session = await service.signIn(
          db,
          request.body,
          request.headers["user-agent"] ?? null,
        );
        request.securityEventUserId = session.me.id;
        setSessionCookie(request, reply, session.token, session.expiresAt);
        return session.me;
      },
    );

    app.post(
      "/api/auth/sign-out",
      {
        preHandler: requireActor,
        config: { partlySignedIn: true, securityEvent: "sign-out" },
        schema: { operationId: "signOut", tags: ["auth"], response: { 200: okSchema } },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        await sessions.revokeSession(db, actor, actor.sessionId, undefined);
        clearSessionCookie(request, reply);
        return { ok: true as const };
      },
    );

    app.get(
      "/api/me",
      {
        preHandler: requireActor,
        config: { partlySignedIn: true },
        schema: { operationId: "getMe", tags: ["auth"], response: { 200: meSchema } },
      },
      async (request) => {
        const actor = actorOf(request);
        // Only the demo seeder and tests make in-process actors; HTTP never sees one.
        const state = actor.secondFactor === "in-process" ? "verified" : actor.secondFactor;
        return service.getMe(db, actor.userId, state);
      },
    );

    app.post(
      "/api/me/password",
      {
        preHandler: requireActor,
        // The current password is guessed here as at sign-in: the same per-address limit.
        config: { ...authRateLimit, securityEvent: "password-change" },
        schema: {
          operationId: "changePassword",
          tags: ["auth"],
          body: changePasswordBodySchema,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await service.changePassword(db, actorOf(request), request.body);
        return { ok: true as const };
      },
    );

    app.get(
      "/api/sessions",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listSessions",
          tags: ["auth"],
          response: { 200: sessionListSchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        return { sessions: await sessions.listSessions(db, actor.userId, actor.sessionId) };
      },
    );

    app.post(
      "/api/sessions/end-others",
      {
        preHandler: requireActor,
        config: { ...authRateLimit, securityEvent: "other-sessions-ended" },
        schema: {
          operationId: "endOtherSessions",
          tags: ["auth"],
          body: endOtherSessionsBodySchema,
          response: { 200: otherSessionsEndedSchema },
        },
      },
      async (request) => sessions.endOtherSessions(db, actorOf(request), request.body.password),
    );

    app.delete(
      "/api/sessions/:sessionId",
      {
        preHandler: requireActor,
        // Another device's session takes the password: the same per-address limit as sign-in.
        config: { ...authRateLimit, securityEvent: "session-ended" },
        schema: {
          operationId: "revokeSession",
          tags: ["auth"],
          params: sessionIdParamsSchema,
          body: endSessionBodySchema,
          response: { 200: okSchema },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { sessionId } = request.params;
        await sessions.revokeSession(db, actor, sessionId, request.body?.password);
        if (sessionId === actor.sessionId) clearSessionCookie(request, reply);
        return { ok: true as const };
      },
    );
  };
}
