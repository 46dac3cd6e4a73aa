import type { FastifyInstance } from "fastify";

/**
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

export function addPermissionsPolicy(app: FastifyInstance): void {
  app.addHook("onSend", async (_request, reply) => {
    reply.header("permissions-policy", PERMISSIONS_POLICY);
  });
}
