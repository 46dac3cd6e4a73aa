import type { Kysely } from "kysely";
import type { MigrationContext } from "../migrate";

/**
 * State that every server process of one installation must share (issue 19: several
 * processes on one PostgreSQL). Neither table holds member data.
 * - `installation_keys`: the VAPID pair lived only in each process's data dir, so a second
 *   process made its own and push services refused what it signed for the first one's devices.
 * - `rate_limit_hits`: per-address request counts in fixed windows (the bucket is a hash of the
 *   route and the address); kept in memory, each process would let the full limit through.
 */
export async function up(db: Kysely<unknown>, { instant }: MigrationContext): Promise<void> {
  await db.schema
    .createTable("installation_keys")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("created_at", instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("rate_limit_hits")
    .addColumn("bucket", "text", (c) => c.notNull())
    // Milliseconds since the epoch: past 32 bits.
    .addColumn("window_start", "bigint", (c) => c.notNull())
    .addColumn("hits", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("rate_limit_hits_pk", ["bucket", "window_start"])
    .execute();
}
