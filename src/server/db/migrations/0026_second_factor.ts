import type { Kysely } from "kysely";
import type { MigrationContext } from "../migrate";

/**
 * Second factor and account recovery (issue 19). A person's TOTP authenticator (one per
 * person; the step last accepted, so a code is never taken twice), their recovery codes (only
 * hashes), admin-issued reset links (only the token's hash), and on each session the instant
 * its second factor was given: a session without it is "partly signed in".
 */
export async function up(db: Kysely<unknown>, { instant }: MigrationContext): Promise<void> {
  await db.schema
    .createTable("totp_factors")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id"))
    .addColumn("shared_secret", "text", (c) => c.notNull())
    .addColumn("created_at", instant, (c) => c.notNull())
    .addColumn("confirmed_at", instant)
    .addColumn("last_used_step", "integer")
    .execute();

  await db.schema
    .createTable("recovery_codes")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("created_at", instant, (c) => c.notNull())
    .addColumn("used_at", instant)
    .addPrimaryKeyConstraint("recovery_codes_pk", ["user_id", "id"])
    .execute();

  await db.schema
    .createTable("password_reset_links")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    // Not a reference: deleting the admin's account must not need their links gone too.
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", instant, (c) => c.notNull())
    .addColumn("expires_at", instant, (c) => c.notNull())
    .addColumn("remove_second_factor", "integer", (c) => c.notNull())
    .addColumn("used_at", instant)
    .execute();
  await db.schema
    .createIndex("password_reset_links_user")
    .on("password_reset_links")
    .column("user_id")
    .execute();

  await db.schema.alterTable("sessions").addColumn("second_factor_verified_at", instant).execute();
}
