import type { Kysely } from "kysely";
import type { MigrationContext } from "../migrate";

/**
 * Offline sync (issue 15): stored Idempotency-Key answers are kept for a fixed time and then
 * purged by age (http/idempotency.ts#purgeExpiredIdempotencyKeys), so the purge needs an index
 * on when each answer was stored.
 */
export async function up(db: Kysely<unknown>, _context: MigrationContext): Promise<void> {
  await db.schema
    .createIndex("idempotency_keys_created")
    .on("idempotency_keys")
    .column("created_at")
    .execute();
}
