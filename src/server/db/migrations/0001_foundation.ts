import { type Kysely, sql } from "kysely";
import type { MigrationContext } from "../migrate";

/** Tenants, accounts, sessions, invites, sign-in throttling, consent grants and the audit chain. */
export async function up(db: Kysely<unknown>, { instant }: MigrationContext): Promise<void> {
  await db.schema
    .createTable("organizations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("display_name", "text")
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("created_at", instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("memberships")
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("created_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("memberships_pk", ["organization_id", "user_id", "role"])
    .execute();
  await db.schema.createIndex("memberships_user").on("memberships").column("user_id").execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", instant, (c) => c.notNull())
    .addColumn("last_seen_at", instant, (c) => c.notNull())
    .addColumn("idle_timeout_seconds", "integer", (c) => c.notNull())
    .addColumn("absolute_expires_at", instant, (c) => c.notNull())
    .addColumn("user_agent", "text")
    .addColumn("revoked_at", instant)
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("invites")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("email", "text")
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", instant, (c) => c.notNull())
    .addColumn("expires_at", instant, (c) => c.notNull())
    .addColumn("used_at", instant)
    .addColumn("used_by", "text")
    .execute();

  await db.schema
    .createTable("auth_failures")
    .addColumn("email", "text", (c) => c.primaryKey())
    .addColumn("consecutive_failures", "integer", (c) => c.notNull())
    .addColumn("last_failure_at", instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("consent_grants")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("grantee_user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("categories", "text", (c) => c.notNull())
    .addColumn("created_at", instant, (c) => c.notNull())
    .addColumn("expires_at", instant)
    .addColumn("revoked_at", instant)
    .addPrimaryKeyConstraint("consent_grants_pk", ["member_id", "id"])
    .execute();
  await db.schema
    .createIndex("consent_grants_grantee")
    .on("consent_grants")
    .column("grantee_user_id")
    .execute();

  await db.schema
    .createTable("audit_events")
    .addColumn("seq", "bigint", (c) => c.primaryKey())
    .addColumn("id", "text", (c) => c.notNull().unique())
    .addColumn("at", instant, (c) => c.notNull())
    .addColumn("actor_id", "text", (c) => c.notNull())
    .addColumn("member_id", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("resource", "text", (c) => c.notNull())
    .addColumn("purpose", "text")
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("audit_events_member")
    .on("audit_events")
    .columns(["member_id", "seq"])
    .execute();

  await db.schema
    .createTable("audit_head")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .execute();
  await sql`insert into audit_head (id, seq, hash) values (1, 0, ${GENESIS_HASH})`.execute(db);
}

/** The hash the first audit event links back to. */
export const GENESIS_HASH = "0".repeat(64);
