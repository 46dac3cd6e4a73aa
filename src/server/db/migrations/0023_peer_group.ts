import type { Kysely } from "kysely";
import type { MigrationContext } from "../migrate";

/**
 * The peer group (issue 17): opt-in under an alias unique per organization, mutes, posts and
 * replies, support reactions and reports. Each key starts with the member the row belongs to
 * (Citus-ready); the group is read by organization and channel, hence those indexes.
 */
export async function up(db: Kysely<unknown>, { instant }: MigrationContext): Promise<void> {
  await db.schema
    .createTable("peer_group_members")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("alias", "text", (c) => c.notNull())
    .addColumn("alias_key", "text", (c) => c.notNull())
    .addColumn("rules_version", "integer", (c) => c.notNull())
    .addColumn("rules_acknowledged_at", instant)
    .addColumn("joined_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("peer_group_members_pk", ["member_id", "organization_id"])
    .execute();
  await db.schema
    .createIndex("peer_group_members_alias")
    .on("peer_group_members")
    .columns(["organization_id", "alias_key"])
    .unique()
    .execute();

  await db.schema
    .createTable("peer_mutes")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("muted_by", "text", (c) => c.notNull())
    .addColumn("muted_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("peer_mutes_pk", ["member_id", "organization_id"])
    .execute();

  await db.schema
    .createTable("peer_posts")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("parent_id", "text")
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", instant, (c) => c.notNull())
    .addColumn("hidden_at", instant)
    .addColumn("hidden_by", "text")
    .addPrimaryKeyConstraint("peer_posts_pk", ["member_id", "id"])
    .execute();
  await db.schema.createIndex("peer_posts_id").on("peer_posts").column("id").unique().execute();
  await db.schema
    .createIndex("peer_posts_channel")
    .on("peer_posts")
    .columns(["organization_id", "channel", "created_at"])
    .execute();
  await db.schema.createIndex("peer_posts_parent").on("peer_posts").column("parent_id").execute();
  // The posting pace is counted from here: the member's posts of the last minutes.
  await db.schema
    .createIndex("peer_posts_member_created")
    .on("peer_posts")
    .columns(["member_id", "created_at"])
    .execute();

  await db.schema
    .createTable("peer_support")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("post_id", "text", (c) => c.notNull())
    .addColumn("created_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("peer_support_pk", ["member_id", "post_id"])
    .execute();
  await db.schema.createIndex("peer_support_post").on("peer_support").column("post_id").execute();

  await db.schema
    .createTable("peer_reports")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("post_id", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("created_at", instant, (c) => c.notNull())
    .addColumn("resolved_at", instant)
    .addPrimaryKeyConstraint("peer_reports_pk", ["member_id", "post_id"])
    .execute();
  await db.schema.createIndex("peer_reports_post").on("peer_reports").column("post_id").execute();
}
