import type { Kysely } from "kysely";
import type { MigrationContext } from "../migrate";

/**
 * A member's request to delete their account (issue 19): kept apart from `users` so that the
 * grace period is one row the member can take back, and the purge finds what is due by `due_at`.
 */
export async function up(db: Kysely<unknown>, { instant }: MigrationContext): Promise<void> {
  await db.schema
    .createTable("account_deletions")
    .addColumn("member_id", "text", (c) => c.primaryKey().references("users.id"))
    .addColumn("requested_at", instant, (c) => c.notNull())
    .addColumn("due_at", instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("account_deletions_due")
    .on("account_deletions")
    .column("due_at")
    .execute();
}
