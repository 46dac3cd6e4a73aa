// The supporter's narrow view: did the member check in today, did they ask for support, was a
// lapse recorded this week — signals from the categories shared, never notes, numbers or details.
import type { Kysely } from "kysely";
import { SUPPORT_REQUEST_WINDOW_MS } from "../../../domain/api/care";
import { REDISCLOSURE_NOTICE } from "../../../domain/consent";
import { addLocalDays, localDayOf } from "../../../domain/local-day";
import type { Database } from "../../db/schema";
import { forbidden } from "../../errors";
import { appendAuditEvent } from "../../security/audit";
import { decideAccess } from "../../security/policy";
import type { Actor } from "../../security/session";
import { latestSupportRequest } from "./support-request-queries";

export async function getSupporterView(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  now = new Date(),
) {
  const [checkins, use] = await Promise.all(
    (["checkins", "use"] as const).map((category) =>
      decideAccess(
        db,
        actor,
        { memberId, category, action: "read", resource: "supporter view" },
        now,
      ),
    ),
  );
  const shared = [checkins?.allowed ? "checkins" : null, use?.allowed ? "use" : null].filter(
    (c): c is string => c !== null,
  );
  if (actor.userId !== memberId) {
    const grant = [checkins, use].find((d) => d?.allowed && d.via === "grant");
    await appendAuditEvent(
      db,
      {
        actorId: actor.userId,
        memberId,
        action: "read:supporter-view",
        resource: `supporter view: ${shared.join(", ") || "nothing shared"}`,
        purpose: grant?.allowed && grant.via === "grant" ? grant.purpose : null,
        outcome: shared.length > 0 ? "allowed" : "denied",
      },
      now,
    );
  }
  const member = await db
    .selectFrom("users")
    .select(["id", "display_name", "time_zone"])
    .where("id", "=", memberId)
    .executeTakeFirst();
  if (shared.length === 0 || !member) {
    throw forbidden("This person has not shared that with you.");
  }
  const today = localDayOf(now, member.time_zone);
  // An ask for support is a check-ins signal (SUPPORT_REQUEST_CATEGORY): whoever sees whether
  // the member checked in also sees that they asked, and the audit event names "checkins".
  const askedSince = new Date(now.getTime() - SUPPORT_REQUEST_WINDOW_MS).toISOString();
  const [checkin, lapse, ask] = await Promise.all([
    checkins?.allowed
      ? db
          .selectFrom("checkins")
          .select("local_day")
          .where("member_id", "=", memberId)
          .where("local_day", "=", today)
          .executeTakeFirst()
      : null,
    use?.allowed
      ? db
          .selectFrom("use_events")
          .select("id")
          .where("member_id", "=", memberId)
          .where("local_day", ">=", addLocalDays(today, -6))
          .where("local_day", "<=", today)
          .limit(1)
          .executeTakeFirst()
      : null,
    checkins?.allowed ? latestSupportRequest(db, memberId, askedSince) : null,
  ]);
  return {
    member: { id: member.id, displayName: member.display_name },
    checkedInToday: checkins?.allowed ? checkin !== undefined : null,
    lapseRecorded: use?.allowed ? lapse !== undefined : null,
    askedForSupport: ask ? { at: ask.created_at } : null,
    redisclosureNotice: REDISCLOSURE_NOTICE,
  };
}
