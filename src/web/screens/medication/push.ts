import type { PushSubscriptionBody } from "../../../domain/api/medication";

/**
 * Web Push on this device: permission, then a PushManager subscription made with the
 * server's VAPID public key. Each failure has its own outcome so the screen can say what to do.
 */
export type PushOutcome =
  | { status: "subscribed"; subscription: PushSubscriptionBody }
  | { status: "unsupported" }
  | { status: "denied" };

export function pushSupported(): boolean {
  return (
    typeof window !== "undefined" &&
    "Notification" in window &&
    "PushManager" in window &&
    "serviceWorker" in navigator
  );
}

export function notificationPermission(): NotificationPermission | "unsupported" {
  return pushSupported() ? Notification.permission : "unsupported";
}

const READY_TIMEOUT_MS = 10_000;

export async function subscribeThisDevice(publicKey: () => Promise<string>): Promise<PushOutcome> {
  if (!pushSupported()) return { status: "unsupported" };
  const permission = await Notification.requestPermission();
  if (permission !== "granted") return { status: "denied" };
  const registration = await Promise.race([
    navigator.serviceWorker.ready,
    new Promise<null>((resolve) => setTimeout(resolve, READY_TIMEOUT_MS, null)),
  ]);
  // No service worker (a development server, or a browser that refused it): nothing can show a push.
  if (!registration) return { status: "unsupported" };
  const existing = await registration.pushManager.getSubscription();
  const subscription =
    existing ??
    (await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: base64UrlToBytes(await publicKey()),
    }));
  const json = subscription.toJSON();
  return {
    status: "subscribed",
    subscription: {
      endpoint: json.endpoint ?? subscription.endpoint,
      expirationTime: json.expirationTime ?? null,
      keys: { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" },
    },
  };
}

function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = (text + "=".repeat((4 - (text.length % 4)) % 4))
    .replace(/-/g, "+")
    .replace(/_/g, "/");
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
