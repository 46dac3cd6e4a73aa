import type { Kysely } from "kysely";
import type { MigrationContext } from "../migrate";

/**
 * Medication for opioid use disorder (issue 6): the regimen and its changes, the dose log,
 * appointments, reminders with Web Push subscriptions and the notification choice, and
 * secret calendar feeds. Every table is keyed by member_id first (Citus-ready).
 */
export async function up(db: Kysely<unknown>, { instant }: MigrationContext): Promise<void> {
  await db.schema
    .createTable("medication_regimens")
    .addColumn("member_id", "text", (c) => c.primaryKey().references("users.id"))
    .addColumn("medication", "text", (c) => c.notNull())
    .addColumn("dose_amount", "double precision", (c) => c.notNull())
    .addColumn("dose_unit", "text", (c) => c.notNull())
    .addColumn("schedule", "text", (c) => c.notNull())
    .addColumn("dispensing_name", "text")
    .addColumn("dispensing_hours", "text")
    .addColumn("dispensing_phone", "text")
    .addColumn("take_homes_on_hand", "integer", (c) => c.notNull())
    .addColumn("prescriber", "text")
    .addColumn("effective_date", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("created_at", instant, (c) => c.notNull())
    .addColumn("updated_at", instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("regimen_changes")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("medication", "text", (c) => c.notNull())
    .addColumn("dose_amount", "double precision", (c) => c.notNull())
    .addColumn("dose_unit", "text", (c) => c.notNull())
    .addColumn("schedule", "text", (c) => c.notNull())
    .addColumn("prescriber", "text")
    .addColumn("effective_date", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("recorded_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("regimen_changes_pk", ["member_id", "id"])
    .execute();
  await db.schema
    .createIndex("regimen_changes_member_effective")
    .on("regimen_changes")
    .columns(["member_id", "effective_date"])
    .execute();

  await db.schema
    .createTable("dose_logs")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("taken_at", instant)
    .addColumn("scheduled_for", instant)
    .addColumn("local_day", "text", (c) => c.notNull())
    .addColumn("take_home", "integer", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("recorded_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("dose_logs_pk", ["member_id", "id"])
    .execute();
  await db.schema
    .createIndex("dose_logs_member_day")
    .on("dose_logs")
    .columns(["member_id", "local_day"])
    .execute();
  // One log per scheduled dose (a newer answer replaces the older); NULLs do not collide.
  await db.schema
    .createIndex("dose_logs_member_scheduled")
    .on("dose_logs")
    .columns(["member_id", "scheduled_for"])
    .unique()
    .execute();

  await db.schema
    .createTable("appointments")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("starts_at", instant, (c) => c.notNull())
    .addColumn("ends_at", instant)
    .addColumn("place", "text")
    .addColumn("notes", "text")
    .addColumn("created_at", instant, (c) => c.notNull())
    .addColumn("updated_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("appointments_pk", ["member_id", "id"])
    .execute();
  await db.schema
    .createIndex("appointments_member_start")
    .on("appointments")
    .columns(["member_id", "starts_at"])
    .execute();

  await db.schema
    .createTable("reminders")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("local_time", "text", (c) => c.notNull())
    .addColumn("days", "text", (c) => c.notNull())
    .addColumn("enabled", "integer", (c) => c.notNull())
    .addColumn("last_sent_for", instant)
    .addColumn("created_at", instant, (c) => c.notNull())
    .addColumn("updated_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("reminders_pk", ["member_id", "id"])
    .execute();

  await db.schema
    .createTable("notification_preferences")
    .addColumn("member_id", "text", (c) => c.primaryKey().references("users.id"))
    .addColumn("details", "integer", (c) => c.notNull())
    .addColumn("updated_at", instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("push_subscriptions")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("endpoint", "text", (c) => c.notNull())
    .addColumn("p256dh", "text", (c) => c.notNull())
    .addColumn("auth", "text", (c) => c.notNull())
    .addColumn("created_at", instant, (c) => c.notNull())
    .addColumn("last_sent_at", instant)
    .addColumn("failures", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("push_subscriptions_pk", ["member_id", "id"])
    .execute();
  await db.schema
    .createIndex("push_subscriptions_endpoint")
    .on("push_subscriptions")
    .column("endpoint")
    .execute();

  await db.schema
    .createTable("calendar_feeds")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("details", "integer", (c) => c.notNull())
    .addColumn("created_at", instant, (c) => c.notNull())
    .addColumn("revoked_at", instant)
    .addColumn("last_fetched_at", instant)
    .addPrimaryKeyConstraint("calendar_feeds_pk", ["member_id", "id"])
    .execute();
}
