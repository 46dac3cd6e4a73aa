import type { Kysely } from "kysely";
import type { MigrationContext } from "../migrate";

/**
 * The care team (issue 7): the 42 CFR Part 2 terms of a consent grant that the foundation's
 * `consent_grants` row does not hold — the expiry event, the member's typed signature and when
 * they signed, and that they were told they can revoke it. A companion table keyed by the grant
 * (member_id first, Citus-ready), so the policy's per-request grant check stays as it was.
 * And clinical notes: a visit note a clinician writes under a grant naming "notes", which the
 * member always sees; and plan-step suggestions a clinician makes under a "plan" grant, which
 * the member accepts (the step joins their plan) or declines.
 */
export async function up(db: Kysely<unknown>, { instant }: MigrationContext): Promise<void> {
  await db.schema
    .createTable("consent_terms")
    .addColumn("member_id", "text", (c) => c.notNull())
    .addColumn("grant_id", "text", (c) => c.notNull())
    .addColumn("expiry_event", "text")
    .addColumn("signature_name", "text", (c) => c.notNull())
    .addColumn("signed_at", instant, (c) => c.notNull())
    .addColumn("revocation_acknowledged", "integer", (c) => c.notNull())
    .addColumn("statement_version", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("consent_terms_pk", ["member_id", "grant_id"])
    .addForeignKeyConstraint(
      "consent_terms_grant_fk",
      ["member_id", "grant_id"],
      "consent_grants",
      ["member_id", "id"],
    )
    .execute();
  await db.schema
    .createTable("clinical_notes")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("author_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("clinical_notes_pk", ["member_id", "id"])
    .execute();
  await db.schema
    .createTable("plan_suggestions")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("author_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("goal_id", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("step_id", "text")
    .addColumn("created_at", instant, (c) => c.notNull())
    .addColumn("responded_at", instant)
    .addPrimaryKeyConstraint("plan_suggestions_pk", ["member_id", "id"])
    .execute();
  // The caseload and "shared with me" read grants by grantee; 0001 indexed grantee alone.
  await db.schema
    .createIndex("consent_grants_grantee_member")
    .on("consent_grants")
    .columns(["grantee_user_id", "member_id"])
    .execute();
}
