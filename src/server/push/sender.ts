import { isIP } from "node:net";
import webpush from "web-push";
import type { VapidKeys } from "./vapid";

/**
 * Sends one Web Push message. web-push encrypts the payload (RFC 8291, aes128gcm) and signs
 * the VAPID header (RFC 8292); the request itself goes out with fetch, so a test push
 * service can listen on plain http on loopback when the caller allows it. Endpoints are
 * checked before every send: https only, and never a loopback or private address, because
 * the address comes from a browser and the server must not be steered into its own network.
 */
export interface PushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface PushSendOptions {
  vapid: VapidKeys;
  /** Who runs this server, for push services: an https: URL or a mailto: address. */
  subject: string;
  /** Tests only: accept http and https endpoints on a loopback address. */
  allowLoopback?: boolean;
  /** How long a push service should keep the message for an offline device. */
  ttlSeconds?: number;
  timeoutMs?: number;
}

export type PushOutcome =
  | { ok: true; status: number }
  /** `gone`: the subscription no longer exists (404/410) and should be forgotten. */
  | { ok: false; gone: boolean; status: number | null; reason: string };

export interface EndpointOptions {
  allowLoopback?: boolean;
}

/** Why an endpoint must not be used, or null when it may. */
export function pushEndpointProblem(
  endpoint: string,
  options: EndpointOptions = {},
): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return "The push address is not a URL.";
  }
  if (url.username || url.password) return "The push address must not carry a user name.";
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const loopback = host === "localhost" || isLoopbackAddress(host);
  if (options.allowLoopback && loopback) {
    return url.protocol === "https:" || url.protocol === "http:"
      ? null
      : "The push address must use https.";
  }
  if (url.protocol !== "https:") return "The push address must use https.";
  if (loopback || host.endsWith(".localhost") || isPrivateAddress(host)) {
    return "The push address must be a public push service.";
  }
  return null;
}

export function vapidSubject(publicUrl: string | null): string {
  if (publicUrl?.startsWith("https://")) return new URL(publicUrl).origin;
  // Push services want a way to reach the operator; without a public https address this
  // placeholder is accepted by the standard (RFC 8292 §2.1) but names no one.
  return "mailto:waymark@localhost";
}

export async function sendPush(
  target: PushTarget,
  payload: string,
  options: PushSendOptions,
): Promise<PushOutcome> {
  const problem = pushEndpointProblem(target.endpoint, options);
  if (problem) return { ok: false, gone: true, status: null, reason: problem };
  let details: webpush.RequestDetails;
  try {
    details = webpush.generateRequestDetails(target, payload, {
      vapidDetails: {
        subject: options.subject,
        publicKey: options.vapid.publicKey,
        privateKey: options.vapid.privateKey,
      },
      TTL: options.ttlSeconds ?? 3600,
      contentEncoding: "aes128gcm",
    });
  } catch (error) {
    // Keys a push service could never decrypt for: the subscription is useless.
    return { ok: false, gone: true, status: null, reason: (error as Error).message };
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(details.headers)) {
    if (name.toLowerCase() === "content-length") continue;
    headers[name] = String(value);
  }
  try {
    const response = await fetch(details.endpoint, {
      method: "POST",
      headers,
      body: details.body ? new Uint8Array(details.body) : null,
      redirect: "error",
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return { ok: true, status: response.status };
    return {
      ok: false,
      gone: response.status === 404 || response.status === 410,
      status: response.status,
      reason: `push service answered ${response.status}`,
    };
  } catch (error) {
    return { ok: false, gone: false, status: null, reason: (error as Error).message };
  }
}

function isLoopbackAddress(host: string): boolean {
  if (isIP(host) === 4) return host.startsWith("127.");
  if (isIP(host) === 6) return host === "::1" || host.startsWith("::ffff:127.");
  return false;
}

function isPrivateAddress(host: string): boolean {
  const kind = isIP(host);
  if (kind === 4) {
    const [a, b] = host.split(".").map(Number) as [number, number];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      a >= 224
    );
  }
  if (kind === 6) {
    return (
      host === "::" ||
      host === "::1" ||
      /^f[cd]/.test(host) ||
      /^fe[89ab]/.test(host) ||
      host.startsWith("::ffff:")
    );
  }
  return false;
}
