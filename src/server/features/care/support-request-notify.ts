import type { Kysely } from "kysely";
import { SUPPORT_REQUEST_CATEGORY } from "../../../domain/api/care";
import type { Database } from "../../db/schema";
import { addTally, type PushTally, pushDevicesOf, sendToDevices } from "../../push/devices";
import { type PushSendOptions, vapidSubject } from "../../push/sender";
import { loadVapidKeys } from "../../push/vapid";
import { appendAuditEvent } from "../../security/audit";
import { decideAccess } from "../../security/policy";
import { type Actor, actorFor } from "../../security/session";

/**
 * After a member asks for support, a discreet push to the phones of the people who may see the
 * ask (a live grant naming check-ins) and who turned notifications on. No name, no reason: the
 * lock screen says only that someone they support asked them to reach out. Sent a little after
 * the ask (see SUPPORT_REQUEST_NOTIFY_DELAY_MS) and only if it still stands, so "Take it back"
 * also stops the notice. The policy decides who may see it, as for the supporter view; each
 * person notified is one "allowed" check-ins event in the member's log, written before sending.
 */
export const SUPPORT_REQUEST_NOTIFY_DELAY_MS = 2 * 60_000;

const WORDS = {
  en: { title: "Reach out", body: "Someone you support asked you to reach out." },
  es: { title: "Comunícate", body: "Alguien a quien apoyas te pidió que te comuniques." },
} as const;

export interface AskNotifyOptions {
  dataDir: string;
  publicUrl?: string | null;
  /** Tests only: let a push service on loopback receive messages. */
  allowLoopback?: boolean;
  timeoutMs?: number;
}

export interface AskNotifyReport extends PushTally {
  /** People told (at least one device of theirs was tried). */
  notified: number;
}

export async function notifySupportersOfAsk(
  db: Kysely<Database>,
  memberId: string,
  requestId: string,
  options: AskNotifyOptions,
  now = new Date(),
): Promise<AskNotifyReport> {
  const report: AskNotifyReport = { notified: 0, sent: 0, failed: 0, forgotten: 0 };
  const ask = await db
    .selectFrom("support_requests")
    .select("id")
    .where("member_id", "=", memberId)
    .where("id", "=", requestId)
    .executeTakeFirst();
  if (!ask) return report; // taken back before anyone was told
  // Candidates are the people the member ever shared with; the policy decides who may see it.
  const candidates = await db
    .selectFrom("consent_grants")
    .select("grantee_user_id")
    .distinct()
    .where("member_id", "=", memberId)
    .where("revoked_at", "is", null)
    .execute();
  if (candidates.length === 0) return report;
  const send: PushSendOptions = {
    vapid: loadVapidKeys(options.dataDir),
    subject: vapidSubject(options.publicUrl ?? null),
    allowLoopback: options.allowLoopback ?? false,
    timeoutMs: options.timeoutMs ?? 10_000,
  };
  for (const { grantee_user_id: granteeId } of candidates) {
    // A supporter's devices are theirs: rows they made for their own account.
    const devices = await pushDevicesOf(db, granteeId);
    if (devices.length === 0) continue;
    const grantee = await actorFor(db, granteeId, "support-request-notice");
    const resource = "asked for support: notification";
    const access = {
      memberId,
      category: SUPPORT_REQUEST_CATEGORY,
      action: "read" as const,
      resource,
    };
    const decision = await decideAccess(db, grantee, access, now);
    if (!(decision.allowed && decision.via === "grant")) continue;
    await appendAuditEvent(
      db,
      {
        actorId: granteeId,
        memberId,
        action: `read:${SUPPORT_REQUEST_CATEGORY}`,
        resource,
        purpose: decision.purpose,
        outcome: "allowed",
      },
      now,
    );
    report.notified += 1;
    const { locale } = await db
      .selectFrom("users")
      .select("locale")
      .where("id", "=", granteeId)
      .executeTakeFirstOrThrow();
    const words = locale.toLowerCase().startsWith("es") ? WORDS.es : WORDS.en;
    const payload = JSON.stringify({
      ...words,
      tag: "support-request",
      url: await askLandingUrl(db, grantee, memberId, now),
    });
    addTally(report, await sendToDevices(db, granteeId, devices, payload, send, now));
  }
  return report;
}

/**
 * Where tapping the notice lands: the thread with the member when they share messages with this
 * person (the quickest way to reach out), otherwise the supporter screen. Only the policy's
 * decision is asked; nothing of the thread is read here.
 */
async function askLandingUrl(
  db: Kysely<Database>,
  grantee: Actor,
  memberId: string,
  now: Date,
): Promise<string> {
  const messages = await decideAccess(
    db,
    grantee,
    {
      memberId,
      category: "messages",
      action: "read",
      resource: "messages",
      grantee: grantee.userId,
    },
    now,
  );
  return messages.allowed ? `/supporting/${encodeURIComponent(memberId)}/messages` : "/supporting";
}
