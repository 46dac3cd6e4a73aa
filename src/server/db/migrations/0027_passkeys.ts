import type { Kysely } from "kysely";
import type { MigrationContext } from "../migrate";

/**
 * Passkeys (WebAuthn) as a second factor (issue 19). A person's passkeys, keyed by them first,
 * with the authenticator's credential id unique across everyone (one authenticator's key can
 * belong to one account only); and the challenges handed to browsers, kept in the database so
 * that any server process can check the answer, each used once and only for a few minutes.
 */
export async function up(db: Kysely<unknown>, { instant }: MigrationContext): Promise<void> {
  await db.schema
    .createTable("passkeys")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("credential_id", "text", (c) => c.notNull())
    .addColumn("public_key", "text", (c) => c.notNull())
    // The signature counter is a 32-bit unsigned number: past PostgreSQL's integer.
    .addColumn("sign_count", "bigint", (c) => c.notNull())
    .addColumn("transports", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("backed_up", "integer", (c) => c.notNull())
    .addColumn("created_at", instant, (c) => c.notNull())
    .addColumn("last_used_at", instant)
    .addPrimaryKeyConstraint("passkeys_pk", ["user_id", "id"])
    .execute();
  await db.schema
    .createIndex("passkeys_credential_id")
    .on("passkeys")
    .column("credential_id")
    .unique()
    .execute();

  await db.schema
    .createTable("webauthn_challenges")
    .addColumn("session_id", "text", (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("challenge", "text", (c) => c.notNull())
    .addColumn("expires_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("webauthn_challenges_pk", ["session_id", "purpose"])
    .execute();
}
