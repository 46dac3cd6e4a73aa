import type { Kysely } from "kysely";
import type { MigrationContext } from "../migrate";

/** Remembered answers to writes sent with an Idempotency-Key, so a retried write lands once. */
export async function up(db: Kysely<unknown>, { instant }: MigrationContext): Promise<void> {
  await db.schema
    .createTable("idempotency_keys")
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("fingerprint", "text", (c) => c.notNull())
    .addColumn("status_code", "integer", (c) => c.notNull())
    .addColumn("response_body", "text", (c) => c.notNull())
    .addColumn("created_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("idempotency_keys_pk", ["user_id", "key"])
    .execute();
}
