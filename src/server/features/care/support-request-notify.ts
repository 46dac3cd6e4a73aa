import type { Kysely } from "kysely";
import { SUPPORT_REQUEST_CATEGORY } from "../../../domain/api/care";
import { type DataCategory, dataCategorySchema, grantAllows } from "../../../domain/consent";
import type { Database } from "../../db/schema";
import { type PushSendOptions, sendPush, vapidSubject } from "../../push/sender";
import { loadVapidKeys } from "../../push/vapid";
import { appendAuditEvent } from "../../security/audit";

/**
 * After a member asks for support, a discreet push to the phones of the people who may see the
 * ask (a live grant naming check-ins) and who turned notifications on. No name, no reason: the
 * lock screen says only that someone they support asked them to reach out. Sent a little after
 * the ask (see SUPPORT_REQUEST_NOTIFY_DELAY_MS) and only if it still stands, so "Take it back"
 * also stops the notice. Each person notified is one "allowed" check-ins event in the member's
 * access log, written before the message leaves.
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

export interface AskNotifyReport {
  /** People told (at least one device of theirs was tried). */
  notified: number;
  sent: number;
  failed: number;
}

export async function notifySupportersOfAsk(
  db: Kysely<Database>,
  memberId: string,
  requestId: string,
  options: AskNotifyOptions,
  now = new Date(),
): Promise<AskNotifyReport> {
  const report: AskNotifyReport = { notified: 0, sent: 0, failed: 0 };
  const ask = await db
    .selectFrom("support_requests")
    .select("id")
    .where("member_id", "=", memberId)
    .where("id", "=", requestId)
    .executeTakeFirst();
  if (!ask) return report; // taken back before anyone was told
  const recipients = await liveRecipients(db, memberId, now);
  if (recipients.size === 0) return report;
  const send: PushSendOptions = {
    vapid: loadVapidKeys(options.dataDir),
    subject: vapidSubject(options.publicUrl ?? null),
    allowLoopback: options.allowLoopback ?? false,
    timeoutMs: options.timeoutMs ?? 10_000,
  };
  for (const [granteeId, purpose] of recipients) {
    // A supporter's devices are theirs: rows they made for their own account.
    const [devices, grantee] = await Promise.all([
      db
        .selectFrom("push_subscriptions")
        .select(["endpoint", "p256dh", "auth"])
        .where("member_id", "=", granteeId)
        .execute(),
      db.selectFrom("users").select("locale").where("id", "=", granteeId).executeTakeFirst(),
    ]);
    if (devices.length === 0) continue;
    await appendAuditEvent(
      db,
      {
        actorId: granteeId,
        memberId,
        action: `read:${SUPPORT_REQUEST_CATEGORY}`,
        resource: "asked for support: notification",
        purpose,
        outcome: "allowed",
      },
      now,
    );
    report.notified += 1;
    const words = grantee?.locale?.toLowerCase().startsWith("es") ? WORDS.es : WORDS.en;
    const payload = JSON.stringify({ ...words, tag: "support-request", url: "/supporting" });
    for (const device of devices) {
      const outcome = await sendPush(
        { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
        payload,
        send,
      );
      if (outcome.ok) report.sent += 1;
      else report.failed += 1;
    }
  }
  return report;
}

/** Who may see the ask now: grantee → the purpose of a live grant naming the category. */
async function liveRecipients(
  db: Kysely<Database>,
  memberId: string,
  now: Date,
): Promise<Map<string, string>> {
  // The care feature owns consent grants; this is the member's own list, read on their behalf.
  const grants = await db
    .selectFrom("consent_grants")
    .select(["grantee_user_id", "purpose", "categories", "expires_at", "revoked_at"])
    .where("member_id", "=", memberId)
    .where("revoked_at", "is", null)
    .execute();
  const recipients = new Map<string, string>();
  for (const grant of grants) {
    const parsed = dataCategorySchema.array().safeParse(JSON.parse(grant.categories));
    const categories: DataCategory[] = parsed.success ? parsed.data : [];
    const view = {
      granteeUserId: grant.grantee_user_id,
      categories,
      expiresAt: grant.expires_at ? new Date(grant.expires_at) : null,
      revokedAt: null,
    };
    if (grantAllows(view, grant.grantee_user_id, SUPPORT_REQUEST_CATEGORY, now)) {
      recipients.set(grant.grantee_user_id, grant.purpose);
    }
  }
  return recipients;
}
