import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

export function findProfile(db: Kysely<Database>, memberId: string) {
  return db
    .selectFrom("users")
    .select(["id", "display_name", "time_zone"])
    .where("id", "=", memberId)
    .executeTakeFirst();
}

export function listAuditEventsAbout(db: Kysely<Database>, memberId: string, limit: number) {
  return db
    .selectFrom("audit_events")
    .leftJoin("users", "users.id", "audit_events.actor_id")
    .select([
      "audit_events.at",
      "audit_events.actor_id",
      "users.display_name",
      "audit_events.action",
      "audit_events.resource",
      "audit_events.purpose",
      "audit_events.outcome",
    ])
    .where("audit_events.member_id", "=", memberId)
    .orderBy("audit_events.seq", "desc")
    .limit(limit)
    .execute();
}
