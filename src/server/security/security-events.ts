import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../errors";

/**
 * Every authentication operation leaves one line in the request log with what it was, whether
 * it worked and whose account it was when known (ASVS 16.3.1): "security event", with
 * `securityEvent`, `outcome` (success/failure), `statusCode` (401 wrong credentials, 403 wrong
 * password…) and `userId`. Never an email, a password or a code, so a log file names nobody by
 * anything but an opaque id.
 *
 * Requests refused as a defence (ASVS 16.3.3) leave the same line, on any route:
 * `securityEvent` "csrf-refused" (another site's request, security/csrf.ts) or "rate-limited"
 * (any 429: per-address limits, an account's wait after wrong passwords, message limits),
 * with the route's pattern (never the URL itself, which may hold ids or a token), the method
 * and, on an authentication route, `operation` (what was tried: "sign-in"). Never a body.
 */
declare module "fastify" {
  interface FastifyContextConfig {
    /** This route is an authentication operation, logged with its outcome. */
    securityEvent?: string;
  }
  interface FastifyRequest {
    /** The account an authentication operation turned out to be about (a sign-in's). */
    securityEventUserId: string | null;
    /** Set when the request was refused as a defence rather than answered. */
    securityRefusal: "csrf-refused" | null;
  }
}

/** Operations by someone not yet known: a session the browser already holds (another
 * account's) says nothing about whose account the attempt was on. */
const BEFORE_SIGN_IN = new Set([
  "sign-up",
  "sign-in",
  "invite-accepted",
  "password-reset-link-used",
  "password-recovery-code-used",
]);

export function logSecurityEvents(app: FastifyInstance): void {
  app.decorateRequest("securityEventUserId", null);
  app.decorateRequest("securityRefusal", null);
  app.addHook("onError", async (request, _reply, error) => {
    if (error instanceof AppError && error.code === "csrf_rejected") {
      request.securityRefusal = "csrf-refused";
    }
  });
  app.addHook("onResponse", async (request, reply) => {
    const operation = request.routeOptions.config?.securityEvent;
    const refusal = request.securityRefusal ?? (reply.statusCode === 429 ? "rate-limited" : null);
    if (refusal) {
      request.log.warn(
        {
          securityEvent: refusal,
          outcome: "failure",
          statusCode: reply.statusCode,
          method: request.method,
          route: request.routeOptions.url ?? "unknown",
          ...(operation ? { operation } : {}),
          ...userIdOf(request, operation),
        },
        "security event",
      );
      return;
    }
    if (!operation) return;
    request.log.info(
      {
        securityEvent: operation,
        outcome: reply.statusCode < 400 ? "success" : "failure",
        statusCode: reply.statusCode,
        ...userIdOf(request, operation),
      },
      "security event",
    );
  });
}

function userIdOf(request: FastifyRequest, operation: string | undefined) {
  const userId =
    request.securityEventUserId ??
    (operation && BEFORE_SIGN_IN.has(operation) ? null : (request.actor?.userId ?? null));
  return userId ? { userId } : {};
}
