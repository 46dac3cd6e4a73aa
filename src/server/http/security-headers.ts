import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import helmet from "helmet";

/**
 * The browser-side controls every answer carries (ASVS 5.0 V3.4): helmet's headers with a
 * strict CSP, and the Permissions-Policy below. They never change, so they are computed once
 * at start and set in one step; @fastify/helmet rebuilt helmet's whole configuration on
 * every request (docs/performance.md, fifth round).
 */

/** Strict CSP: only our own origin, no inline scripts, no third parties at all. */
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  manifestSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

/*
 * Permissions-Policy: the browser features Waymark uses are allowed for our own pages only
 * (meetings near me: geolocation; copying a feed or invite link: clipboard-write; passkeys);
 * every other powerful feature is off, for us and for anything that could ever be framed or
 * injected. Helmet does not set this header.
 */
const ALLOWED_FOR_SELF = [
  "geolocation",
  "clipboard-write",
  "publickey-credentials-create",
  "publickey-credentials-get",
];
const DENIED = [
  "accelerometer",
  "ambient-light-sensor",
  "autoplay",
  "bluetooth",
  "browsing-topics",
  "camera",
  "display-capture",
  "gyroscope",
  "hid",
  "idle-detection",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "serial",
  "usb",
];

export const PERMISSIONS_POLICY = [
  ...ALLOWED_FOR_SELF.map((feature) => `${feature}=(self)`),
  ...DENIED.map((feature) => `${feature}=()`),
].join(", ");

/** The headers helmet sets with Waymark's options, read once from helmet itself. */
export function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string) {
      headers[name.toLowerCase()] = value;
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet({ contentSecurityPolicy: { useDefaults: false, directives: CSP } })(
    {} as IncomingMessage,
    response as unknown as ServerResponse,
    (error?: unknown) => {
      if (error) throw error;
    },
  );
  return headers;
}

/** Sets the fixed security headers on every answer: pages, API answers, errors, 404s. */
export function addSecurityHeaders(app: FastifyInstance): void {
  const headers = { ...helmetHeaders(), "permissions-policy": PERMISSIONS_POLICY };
  app.addHook("onRequest", (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
