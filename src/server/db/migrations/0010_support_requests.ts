import type { Kysely } from "kysely";
import type { MigrationContext } from "../migrate";

/**
 * "Asked for support" (issue 7): when a member let the people they share check-ins with know
 * they could use support. No words are stored with it — only when — so a supporter can never be
 * shown a note. Member id first in the key (Citus-ready); the supporter view reads the latest
 * ask per member, hence the index on (member_id, created_at).
 */
export async function up(db: Kysely<unknown>, { instant }: MigrationContext): Promise<void> {
  await db.schema
    .createTable("support_requests")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("created_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("support_requests_pk", ["member_id", "id"])
    .execute();
  await db.schema
    .createIndex("support_requests_member_created")
    .on("support_requests")
    .columns(["member_id", "created_at"])
    .execute();
}
