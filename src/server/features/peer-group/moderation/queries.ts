import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../../db/schema";
import { postsWithAlias } from "../queries";

type Db = Kysely<Database> | Transaction<Database>;

/** Posts of the organization with reports no moderator has dealt with yet, with the alias. */
export function listReportedPosts(db: Db, organizationId: string) {
  return postsWithAlias(db, organizationId)
    .innerJoin("peer_reports", "peer_reports.post_id", "peer_posts.id")
    .leftJoin("peer_mutes", (join) =>
      join
        .onRef("peer_mutes.member_id", "=", "peer_posts.member_id")
        .onRef("peer_mutes.organization_id", "=", "peer_posts.organization_id"),
    )
    .select([
      "peer_mutes.muted_at",
      "peer_reports.reason",
      "peer_reports.created_at as reported_at",
    ])
    .where("peer_reports.resolved_at", "is", null)
    .orderBy("peer_reports.created_at", "desc")
    .limit(2000)
    .execute();
}

export async function mutedAliases(db: Db, organizationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("peer_mutes")
    .innerJoin("peer_group_members", (join) =>
      join
        .onRef("peer_group_members.member_id", "=", "peer_mutes.member_id")
        .onRef("peer_group_members.organization_id", "=", "peer_mutes.organization_id"),
    )
    .select("peer_group_members.alias")
    .where("peer_mutes.organization_id", "=", organizationId)
    .orderBy("peer_group_members.alias_key")
    .execute();
  return rows.map((row) => row.alias);
}

export function findPostAuthor(db: Db, organizationId: string, postId: string) {
  return db
    .selectFrom("peer_posts")
    .select(["member_id", "hidden_at"])
    .where("organization_id", "=", organizationId)
    .where("id", "=", postId)
    .executeTakeFirst();
}

export async function setHidden(
  db: Db,
  postId: string,
  hidden: { at: string; by: string } | null,
): Promise<void> {
  await db
    .updateTable("peer_posts")
    .set({ hidden_at: hidden?.at ?? null, hidden_by: hidden?.by ?? null })
    .where("id", "=", postId)
    .execute();
}

export async function resolveReports(db: Db, postId: string, now: Date): Promise<void> {
  await db
    .updateTable("peer_reports")
    .set({ resolved_at: now.toISOString() })
    .where("post_id", "=", postId)
    .where("resolved_at", "is", null)
    .execute();
}

export async function insertMute(
  db: Db,
  memberId: string,
  organizationId: string,
  moderatorId: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto("peer_mutes")
    .values({
      member_id: memberId,
      organization_id: organizationId,
      muted_by: moderatorId,
      muted_at: now.toISOString(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function deleteMute(db: Db, memberId: string, organizationId: string) {
  await db
    .deleteFrom("peer_mutes")
    .where("member_id", "=", memberId)
    .where("organization_id", "=", organizationId)
    .execute();
}
