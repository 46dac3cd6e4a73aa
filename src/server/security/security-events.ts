import type { FastifyInstance } from "fastify";

/**
 * Every authentication operation leaves one line in the request log with what it was, whether
 * it worked and whose account it was when known (ASVS 16.3.1): "security event", with
 * `securityEvent`, `outcome` (success/failure), `statusCode` (401 wrong credentials, 429
 * throttled, 403 wrong password…) and `userId`. Never an email, a password or a code, so a
 * log file names nobody by anything but an opaque id.
 */
declare module "fastify" {
  interface FastifyContextConfig {
    /** This route is an authentication operation, logged with its outcome. */
    securityEvent?: string;
  }
  interface FastifyRequest {
    /** The account an authentication operation turned out to be about (a sign-in's). */
    securityEventUserId: string | null;
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
  app.addHook("onResponse", async (request, reply) => {
    const securityEvent = request.routeOptions.config.securityEvent;
    if (!securityEvent) return;
    const userId =
      request.securityEventUserId ??
      (BEFORE_SIGN_IN.has(securityEvent) ? null : (request.actor?.userId ?? null));
    request.log.info(
      {
        securityEvent,
        outcome: reply.statusCode < 400 ? "success" : "failure",
        statusCode: reply.statusCode,
        ...(userId ? { userId } : {}),
      },
      "security event",
    );
  });
}
