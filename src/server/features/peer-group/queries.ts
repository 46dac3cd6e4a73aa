import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";
import type { PeerGroupMemberTable } from "../../db/tables/peer-group";

type Db = Kysely<Database> | Transaction<Database>;

export async function organizationName(db: Db, organizationId: string): Promise<string> {
  const row = await db
    .selectFrom("organizations")
    .select("name")
    .where("id", "=", organizationId)
    .executeTakeFirst();
  return row?.name ?? "";
}

export function findByAliasKey(db: Db, organizationId: string, aliasKey: string) {
  return db
    .selectFrom("peer_group_members")
    .select(["member_id", "alias"])
    .where("organization_id", "=", organizationId)
    .where("alias_key", "=", aliasKey)
    .executeTakeFirst();
}

export async function insertMember(db: Db, row: PeerGroupMemberTable): Promise<void> {
  await db.insertInto("peer_group_members").values(row).execute();
}

export async function acknowledgeRules(
  db: Db,
  memberId: string,
  organizationId: string,
  version: number,
  now: Date,
): Promise<void> {
  await db
    .updateTable("peer_group_members")
    .set({ rules_version: version, rules_acknowledged_at: now.toISOString() })
    .where("member_id", "=", memberId)
    .where("organization_id", "=", organizationId)
    .execute();
}

/**
 * Leaving removes the member's words from the group: their posts (and the replies under them,
 * which answer words that are gone), their replies elsewhere, their support and reports, and
 * the alias. A mute stays (peer_mutes), so leaving is not a way around it.
 */
export async function removeMember(
  db: Db,
  memberId: string,
  organizationId: string,
): Promise<number> {
  const own = await db
    .selectFrom("peer_posts")
    .select("id")
    .where("member_id", "=", memberId)
    .where("organization_id", "=", organizationId)
    .execute();
  const ownIds = own.map((row) => row.id);
  let removedIds = ownIds;
  if (ownIds.length > 0) {
    const repliesUnder = await db
      .selectFrom("peer_posts")
      .select("id")
      .where("parent_id", "in", ownIds)
      .execute();
    removedIds = [...ownIds, ...repliesUnder.map((row) => row.id)];
    for (const chunk of chunks(removedIds, 500)) {
      await db.deleteFrom("peer_support").where("post_id", "in", chunk).execute();
      await db.deleteFrom("peer_reports").where("post_id", "in", chunk).execute();
      await db.deleteFrom("peer_posts").where("id", "in", chunk).execute();
    }
  }
  const orgPosts = db
    .selectFrom("peer_posts")
    .select("id")
    .where("organization_id", "=", organizationId);
  await db
    .deleteFrom("peer_support")
    .where("member_id", "=", memberId)
    .where("post_id", "in", orgPosts)
    .execute();
  await db
    .deleteFrom("peer_reports")
    .where("member_id", "=", memberId)
    .where("post_id", "in", orgPosts)
    .execute();
  await db
    .deleteFrom("peer_group_members")
    .where("member_id", "=", memberId)
    .where("organization_id", "=", organizationId)
    .execute();
  return ownIds.length;
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
}

/** The organization's posts with their author's alias; the author's id stays in the server. */
export function postsWithAlias(db: Db, organizationId: string) {
  return db
    .selectFrom("peer_posts")
    .innerJoin("peer_group_members", (join) =>
      join
        .onRef("peer_group_members.member_id", "=", "peer_posts.member_id")
        .onRef("peer_group_members.organization_id", "=", "peer_posts.organization_id"),
    )
    .select([
      "peer_posts.id",
      "peer_posts.member_id",
      "peer_posts.channel",
      "peer_posts.parent_id",
      "peer_posts.body",
      "peer_posts.created_at",
      "peer_posts.hidden_at",
      "peer_group_members.alias",
    ])
    .where("peer_posts.organization_id", "=", organizationId);
}
