import type { Kysely } from "kysely";
import type { MigrationContext } from "../migrate";

/**
 * The everyday record: check-ins (one per local day), cravings, coping tool uses and
 * recorded uses. Every table is keyed by member_id first (Citus-ready); instants use the
 * dialect's instant type, local days are 'YYYY-MM-DD' text, yes/no answers are 0/1 integers
 * so both dialects read them back the same way.
 */
export async function up(db: Kysely<unknown>, { instant }: MigrationContext): Promise<void> {
  await db.schema
    .createTable("checkins")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("local_day", "text", (c) => c.notNull())
    .addColumn("mood", "integer", (c) => c.notNull())
    .addColumn("craving", "integer", (c) => c.notNull())
    .addColumn("used", "integer", (c) => c.notNull())
    .addColumn("medication_taken", "integer")
    .addColumn("sleep_hours", "double precision")
    .addColumn("stress", "integer")
    .addColumn("halt_hungry", "integer")
    .addColumn("halt_angry", "integer")
    .addColumn("halt_lonely", "integer")
    .addColumn("halt_tired", "integer")
    .addColumn("meeting", "integer")
    .addColumn("note", "text")
    .addColumn("created_at", instant, (c) => c.notNull())
    .addColumn("updated_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("checkins_pk", ["member_id", "local_day"])
    .execute();

  await db.schema
    .createTable("cravings")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("at", instant, (c) => c.notNull())
    .addColumn("local_day", "text", (c) => c.notNull())
    .addColumn("intensity", "integer", (c) => c.notNull())
    .addColumn("trigger_kind", "text")
    .addColumn("trigger_text", "text")
    .addColumn("place", "text")
    .addColumn("people", "text")
    .addColumn("feeling", "text")
    .addColumn("what_i_did", "text")
    .addColumn("passed", "integer")
    .addColumn("duration_minutes", "integer")
    .addColumn("created_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("cravings_pk", ["member_id", "id"])
    .execute();
  await db.schema
    .createIndex("cravings_member_day")
    .on("cravings")
    .columns(["member_id", "local_day"])
    .execute();

  await db.schema
    .createTable("coping_uses")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("at", instant, (c) => c.notNull())
    .addColumn("local_day", "text", (c) => c.notNull())
    .addColumn("tool", "text", (c) => c.notNull())
    .addColumn("craving_id", "text")
    .addColumn("passed", "integer")
    .addColumn("created_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("coping_uses_pk", ["member_id", "id"])
    .execute();

  await db.schema
    .createTable("use_events")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("at", instant, (c) => c.notNull())
    .addColumn("local_day", "text", (c) => c.notNull())
    .addColumn("substance", "text")
    .addColumn("amount", "text")
    .addColumn("place", "text")
    .addColumn("note", "text")
    .addColumn("created_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("use_events_pk", ["member_id", "id"])
    .execute();
  await db.schema
    .createIndex("use_events_member_day")
    .on("use_events")
    .columns(["member_id", "local_day"])
    .execute();
}
