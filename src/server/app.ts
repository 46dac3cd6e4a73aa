import fastifyCompress from "@fastify/compress";
import fastifyCookie from "@fastify/cookie";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import type { AppContext } from "./app-context";
import { accountRoutes } from "./features/account/routes";
import { assessmentRoutes } from "./features/assessments/routes";
import { recoveryRoutes } from "./features/auth/recovery/routes";
import { authRoutes } from "./features/auth/routes";
import { secondFactorRoutes } from "./features/auth/second-factor/routes";
import { addRedisclosureNotice } from "./features/care/redisclosure";
import { careRoutes } from "./features/care/routes";
import { dailyRoutes } from "./features/daily/routes";
import { inviteRoutes } from "./features/invites/routes";
import { lessonRoutes } from "./features/lessons/routes";
import { medicationRoutes } from "./features/medication/routes";
import { memberRoutes } from "./features/members/routes";
import { messageRoutes } from "./features/messages/routes";
import { organizationRoutes } from "./features/organization/routes";
import { peerGroupRoutes } from "./features/peer-group/routes";
import { planRoutes } from "./features/plan/routes";
import { rewardRoutes } from "./features/rewards/routes";
import { supportRoutes } from "./features/support/routes";
import { systemRoutes } from "./features/system/routes";
import { todayRoutes } from "./features/today/routes";
import { errorHandler } from "./http/error-handler";
import { rejectNulCharacters } from "./http/nul-characters";
import { addSecurityHeaders } from "./http/security-headers";
import { registerWeb } from "./http/web";
import { checkSameOrigin } from "./security/csrf";
import { holdBackPartlySignedIn } from "./security/second-factor";
import { logSecurityEvents } from "./security/security-events";
import { findActor, readSessionToken } from "./security/session";
import { sharedRateLimitStore } from "./security/shared-rate-limit";

// Waymark's requests are small JSON documents; anything bigger is a mistake or an attack.
const BODY_LIMIT_BYTES = 64 * 1024;

export interface AppOptions {
  /** false silences request logs (tests); otherwise a pino level. */
  logLevel: string | false;
  /** Where logs go; standard output unless a test captures them. */
  logStream?: NodeJS.WritableStream;
}

export async function buildApp(context: AppContext, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    logger: options.logLevel === false ? false : loggerOptions(options.logLevel, options.logStream),
    // Client-side routes and API ids never need a trailing slash to mean something else.
    routerOptions: { ignoreTrailingSlash: true },
    // Behind a reverse proxy the client's address and scheme come from the proxy's headers,
    // believed only from the proxies the operator named (docs/deployment.md).
    trustProxy: context.config.trustProxy as NonNullable<FastifyServerOptions["trustProxy"]>,
    // Every schema is zod (the compilers set below). Without factories of its own, Fastify
    // would load and build its default JSON-schema compilers (ajv) at start, for nothing.
    schemaController: {
      compilersFactory: { buildValidator: zodSchemasOnly, buildSerializer: zodSchemasOnly },
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // The API speaks JSON only; a text body is a client mistake worth a 415, not a parse attempt.
  app.removeContentTypeParser("text/plain");

  addSecurityHeaders(app);
  await app.register(fastifyCookie);
  // API answers are compressed for phones on little data (the built web app is pre-compressed
  // at build time and served as is). Small answers — most writes — are left alone: below 1 KB
  // compression saves nothing worth the CPU.
  await app.register(fastifyCompress, { threshold: 1024, encodings: ["br", "gzip"] });
  // Counted in the database: every process behind a proxy must count the same requests.
  await app.register(fastifyRateLimit, { global: false, store: sharedRateLimitStore(context.db) });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Waymark API",
        version: "0.1.0",
        description: "The HTTP API of Waymark, a self-hostable recovery companion.",
      },
    },
    transform: jsonSchemaTransform,
  });

  const allowedOrigins = context.config.publicUrl ? [new URL(context.config.publicUrl).origin] : [];
  app.decorateRequest("actor", null);
  app.decorateRequest("partlySignedIn", false);
  logSecurityEvents(app);
  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    checkSameOrigin(request, allowedOrigins);
    const token = readSessionToken(request);
    request.actor = token ? await findActor(context.db, token) : null;
    holdBackPartlySignedIn(request);
  });
  // Before any route validates or queries: text PostgreSQL cannot store is a 400, not a 500.
  app.addHook("preValidation", rejectNulCharacters);
  // API answers are personal: never stored by a shared cache or the browser's disk cache.
  // Writes are durable before they are acknowledged: an answer waits until every commit made
  // so far is on the disk (SQLite syncs many commits at once, db/wal-sync.ts).
  app.addHook("onSend", async (request, reply) => {
    if (!request.url.startsWith("/api/")) return;
    reply.header("cache-control", "no-store");
    await context.store.durable();
  });

  await app.register(systemRoutes());
  await app.register(authRoutes(context));
  await app.register(inviteRoutes(context));
  await app.register(memberRoutes(context));
  await app.register(dailyRoutes(context));
  await app.register(planRoutes(context));
  await app.register(medicationRoutes(context));
  await app.register(assessmentRoutes(context));
  addRedisclosureNotice(app);
  await app.register(careRoutes(context));
  await app.register(supportRoutes(context));
  await app.register(accountRoutes(context));
  await app.register(rewardRoutes(context));
  await app.register(peerGroupRoutes(context));
  await app.register(messageRoutes(context));
  await app.register(lessonRoutes(context));
  await app.register(secondFactorRoutes(context));
  await app.register(recoveryRoutes(context));
  await app.register(todayRoutes(context));
  await app.register(organizationRoutes(context));
  // (feature routes are registered above this line)
  await registerWeb(app, context.config.webDir);
  return app;
}

function zodSchemasOnly(): never {
  throw new Error(
    "Every route schema is zod: set with app.setValidatorCompiler/SerializerCompiler.",
  );
}

/** Logs say what happened to which route, never who said what: no bodies, no query strings,
 * no cookies, so no passwords, tokens or health data reach a log file. */
function loggerOptions(level: string, stream?: NodeJS.WritableStream) {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req(request: { method: string; url: string; id: string }) {
        return { id: request.id, method: request.method, path: redactPath(request.url) };
      },
      res(reply: { statusCode: number }) {
        return { statusCode: reply.statusCode };
      },
    },
  };
}

/** Secret tokens travel in a few paths (invite and reset links), and a moderator names an alias
 * in the path of a mute; none of them reach a log. */
export function redactPath(url: string): string {
  const path = url.split("?")[0] ?? "";
  return path
    .replace(/^\/invite\/[^/]+/, "/invite/:token")
    .replace(/^\/reset\/[^/]+/, "/reset/:token")
    .replace(/^\/api\/calendar\/[^/]+/, "/api/calendar/:token.ics")
    .replace(
      /^\/api\/peer-group\/moderation\/mutes\/[^/]+/,
      "/api/peer-group/moderation/mutes/:alias",
    );
}
