// A member's own record as others may see it, and the member's view of who looked.
// Every read by someone else goes through the access policy, which writes the audit event.
import type { Kysely } from "kysely";
import type { MemberProfile } from "../../../domain/api/members";
import type { Database } from "../../db/schema";
import { forbidden, notFound } from "../../errors";
import { authorizeMemberAccess } from "../../security/policy";
import type { Actor } from "../../security/session";
import * as queries from "./queries";

export async function getMemberProfile(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
): Promise<MemberProfile> {
  await authorizeMemberAccess(db, actor, {
    memberId,
    category: "profile",
    action: "read",
    resource: "profile",
  });
  const profile = await queries.findProfile(db, memberId);
  if (!profile) throw notFound("That person");
  return { id: profile.id, displayName: profile.display_name, timeZone: profile.time_zone };
}

/** Only the member reads the log of who looked at their data. */
export async function listAuditEventsAbout(db: Kysely<Database>, actor: Actor, memberId: string) {
  if (actor.userId !== memberId) throw forbidden();
  const rows = await queries.listAuditEventsAbout(db, memberId, 200);
  return rows.map((row) => ({
    at: row.at,
    actorId: row.actor_id,
    actorName: row.display_name,
    action: row.action,
    resource: row.resource,
    purpose: row.purpose,
    outcome: row.outcome === "allowed" ? ("allowed" as const) : ("denied" as const),
  }));
}
