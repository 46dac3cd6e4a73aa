import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { type PushTally, pushDevicesOf, sendToDevices } from "../../push/devices";
import { type PushSendOptions, vapidSubject } from "../../push/sender";
import { loadVapidKeys } from "../../push/vapid";
import { actorFor } from "../../security/session";
import * as queries from "./queries";
import { mayReceive } from "./service";

/**
 * A discreet push to the other side of a thread when a message arrives: "New message in
 * Waymark", never a word of the message. Only someone who turned on notifications gets it, in
 * their language; the sender's name is added only when they chose detailed notifications. The
 * person on the other side is told only while they may still read the thread.
 */
const WORDS = {
  en: { title: "New message in Waymark", body: "Open Waymark to read it.", from: "From {name}" },
  es: {
    title: "Nuevo mensaje en Waymark",
    body: "Abre Waymark para leerlo.",
    from: "De {name}",
  },
} as const;

export interface MessageNotifyOptions {
  dataDir: string;
  publicUrl?: string | null;
  /** Tests only: let a push service on loopback receive messages. */
  allowLoopback?: boolean;
  timeoutMs?: number;
}

export interface SentMessage {
  memberId: string;
  personId: string;
  senderId: string;
}

export async function notifyRecipient(
  db: Kysely<Database>,
  message: SentMessage,
  options: MessageNotifyOptions,
  now = new Date(),
): Promise<PushTally> {
  const { memberId, personId, senderId } = message;
  const recipientId = senderId === memberId ? personId : memberId;
  const tally: PushTally = { sent: 0, failed: 0, forgotten: 0 };
  if (recipientId === personId && !(await mayReceive(db, memberId, personId, now))) return tally;
  const devices = await pushDevicesOf(db, recipientId);
  if (devices.length === 0) return tally;
  const { locale, details } = await queries.notificationWordsFor(db, recipientId);
  const words = locale.toLowerCase().startsWith("es") ? WORDS.es : WORDS.en;
  let body: string = words.body;
  if (details) {
    const [sender] = await queries.namesOf(db, [senderId]);
    if (sender?.display_name) body = words.from.replace("{name}", sender.display_name);
  }
  const url = await threadUrlFor(db, message, recipientId);
  const payload = JSON.stringify({ title: words.title, body, tag: "message", url });
  const send: PushSendOptions = {
    vapid: loadVapidKeys(options.dataDir),
    subject: vapidSubject(options.publicUrl ?? null),
    allowLoopback: options.allowLoopback ?? false,
    timeoutMs: options.timeoutMs ?? 10_000,
  };
  return sendToDevices(db, recipientId, devices, payload, send, now);
}

/** Where tapping the notice lands: the thread, on the recipient's side of the app. */
async function threadUrlFor(
  db: Kysely<Database>,
  { memberId, personId }: SentMessage,
  recipientId: string,
): Promise<string> {
  if (recipientId === memberId) return `/messages/${encodeURIComponent(personId)}`;
  const recipient = await actorFor(db, personId, "message-notice");
  const clinician = recipient.memberships.some((membership) => membership.role === "clinician");
  return `/${clinician ? "caseload" : "supporting"}/${encodeURIComponent(memberId)}/messages`;
}
