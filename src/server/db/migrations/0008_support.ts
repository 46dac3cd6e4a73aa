import type { Kysely } from "kysely";
import type { MigrationContext } from "../migrate";

/**
 * The support side (issue 8): support people, meetings (imported, entered, from organization
 * feeds), saved meetings, attendance, organization crisis lines and the naloxone kit.
 */
export async function up(db: Kysely<unknown>, { instant }: MigrationContext): Promise<void> {
  await db.schema
    .createTable("support_contacts")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("phone", "text")
    .addColumn("reach", "text", (c) => c.notNull())
    .addColumn("reach_note", "text")
    .addColumn("notes", "text")
    .addColumn("plan_step_ids", "text", (c) => c.notNull())
    .addColumn("created_at", instant, (c) => c.notNull())
    .addColumn("updated_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("support_contacts_pk", ["member_id", "id"])
    .execute();

  await db.schema
    .createTable("meeting_feeds")
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", instant, (c) => c.notNull())
    .addColumn("last_fetched_at", instant)
    .addColumn("last_error", "text")
    .addPrimaryKeyConstraint("meeting_feeds_pk", ["organization_id", "id"])
    .execute();
  await db.schema
    .createIndex("meeting_feeds_org_url")
    .on("meeting_feeds")
    .columns(["organization_id", "url"])
    .unique()
    .execute();

  await db.schema
    .createTable("meetings")
    .addColumn("owner_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("owner_kind", "text", (c) => c.notNull())
    .addColumn("feed_id", "text")
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("days", "text", (c) => c.notNull())
    .addColumn("time", "text", (c) => c.notNull())
    .addColumn("end_time", "text")
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("types", "text", (c) => c.notNull())
    .addColumn("online", "integer", (c) => c.notNull())
    .addColumn("in_person", "integer", (c) => c.notNull())
    .addColumn("location", "text")
    .addColumn("address", "text")
    .addColumn("latitude", "double precision")
    .addColumn("longitude", "double precision")
    .addColumn("conference_url", "text")
    .addColumn("notes", "text")
    .addColumn("group_name", "text")
    .addColumn("created_at", instant, (c) => c.notNull())
    .addColumn("updated_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("meetings_pk", ["owner_id", "id"])
    .execute();
  // A feed row is the same meeting next time when its slug matches (ids stay stable).
  await db.schema
    .createIndex("meetings_owner_slug")
    .on("meetings")
    .columns(["owner_id", "slug"])
    .unique()
    .execute();

  await db.schema
    .createTable("saved_meetings")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("meeting_id", "text", (c) => c.notNull())
    .addColumn("created_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("saved_meetings_pk", ["member_id", "meeting_id"])
    .execute();

  await db.schema
    .createTable("attendance")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("meeting_id", "text")
    .addColumn("meeting_name", "text", (c) => c.notNull())
    .addColumn("at", instant, (c) => c.notNull())
    .addColumn("local_day", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("signer_name", "text")
    .addColumn("created_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("attendance_pk", ["member_id", "id"])
    .execute();
  await db.schema
    .createIndex("attendance_member_day")
    .on("attendance")
    .columns(["member_id", "local_day"])
    .execute();

  await db.schema
    .createTable("crisis_resource_overrides")
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("region", "text", (c) => c.notNull())
    .addColumn("resources", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("updated_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("crisis_resource_overrides_pk", ["organization_id", "region"])
    .execute();

  await db.schema
    .createTable("naloxone_kits")
    .addColumn("member_id", "text", (c) => c.primaryKey().references("users.id"))
    .addColumn("location", "text", (c) => c.notNull())
    .addColumn("expires_on", "text")
    .addColumn("updated_at", instant, (c) => c.notNull())
    .execute();
}
