import type { FastifyRequest } from "fastify";
import { AppError } from "../errors";

/**
 * CSRF defence for cookie-authenticated requests (OWASP: verify the source origin with
 * standard headers). Browsers send Origin on every cross-origin request and Sec-Fetch-Site
 * on every request; a state-changing request that says it came from elsewhere is refused.
 * Clients that are not browsers send neither and carry no ambient cookie to abuse.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function checkSameOrigin(request: FastifyRequest, allowedOrigins: readonly string[]): void {
  if (SAFE_METHODS.has(request.method)) return;
  const fetchSite = request.headers["sec-fetch-site"];
  if (fetchSite === "cross-site" || fetchSite === "same-site") throw rejected();
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const own = `${request.protocol}://${request.host}`;
  if (origin !== own && !allowedOrigins.includes(origin)) throw rejected();
}

function rejected(): AppError {
  return new AppError(
    "csrf_rejected",
    403,
    "This request came from another site and was refused. Open Waymark directly and try again.",
  );
}
