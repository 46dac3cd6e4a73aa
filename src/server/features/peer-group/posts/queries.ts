import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../../db/schema";
import type { PeerPostTable } from "../../../db/tables/peer-group";
import { postsWithAlias } from "../queries";

type Db = Kysely<Database> | Transaction<Database>;

/** A post with its author's alias; the author's id stays in the server. */
export type PostRow = Pick<
  PeerPostTable,
  "id" | "member_id" | "channel" | "parent_id" | "body" | "created_at" | "hidden_at"
> & { alias: string };

/** The newest top-level posts of a channel, before an instant when paging back. */
export function listTopLevel(
  db: Db,
  organizationId: string,
  channel: string,
  before: string | undefined,
  limit: number,
): Promise<PostRow[]> {
  let query = postsWithAlias(db, organizationId)
    .where("peer_posts.channel", "=", channel)
    .where("peer_posts.parent_id", "is", null);
  if (before) query = query.where("peer_posts.created_at", "<", before);
  return query
    .orderBy("peer_posts.created_at", "desc")
    .orderBy("peer_posts.id", "desc")
    .limit(limit)
    .execute();
}

export function listReplies(db: Db, organizationId: string, parentIds: string[]) {
  if (parentIds.length === 0) return Promise.resolve([] as PostRow[]);
  return postsWithAlias(db, organizationId)
    .where("peer_posts.parent_id", "in", parentIds)
    .orderBy("peer_posts.created_at", "asc")
    .orderBy("peer_posts.id", "asc")
    .execute();
}

export function findPost(db: Db, organizationId: string, postId: string) {
  return postsWithAlias(db, organizationId).where("peer_posts.id", "=", postId).executeTakeFirst();
}

export async function supportCounts(db: Db, postIds: string[]): Promise<Map<string, number>> {
  if (postIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("peer_support")
    .select(["post_id", (eb) => eb.fn.countAll<number | string>().as("count")])
    .where("post_id", "in", postIds)
    .groupBy("post_id")
    .execute();
  return new Map(rows.map((row) => [row.post_id, Number(row.count)]));
}

export async function supportedBy(db: Db, memberId: string, postIds: string[]) {
  if (postIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom("peer_support")
    .select("post_id")
    .where("member_id", "=", memberId)
    .where("post_id", "in", postIds)
    .execute();
  return new Set(rows.map((row) => row.post_id));
}

export async function reportedBy(db: Db, memberId: string, postIds: string[]) {
  if (postIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom("peer_reports")
    .select("post_id")
    .where("member_id", "=", memberId)
    .where("post_id", "in", postIds)
    .execute();
  return new Set(rows.map((row) => row.post_id));
}

/** The member's posts since an instant, for the posting pace. */
export async function recentPostInstants(db: Db, memberId: string, since: string) {
  const rows = await db
    .selectFrom("peer_posts")
    .select("created_at")
    .where("member_id", "=", memberId)
    .where("created_at", ">", since)
    .execute();
  return rows.map((row) => row.created_at);
}

export async function insertPost(db: Db, post: PeerPostTable): Promise<void> {
  await db.insertInto("peer_posts").values(post).execute();
}

/** Locks the poster's group row until the transaction ends, so the pace check is exact. */
export async function holdMembership(db: Db, memberId: string, organizationId: string) {
  await db
    .updateTable("peer_group_members")
    .set((eb) => ({ rules_version: eb.ref("rules_version") }))
    .where("member_id", "=", memberId)
    .where("organization_id", "=", organizationId)
    .execute();
}

export async function addSupport(db: Db, memberId: string, postId: string, now: Date) {
  await db
    .insertInto("peer_support")
    .values({ member_id: memberId, post_id: postId, created_at: now.toISOString() })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function removeSupport(db: Db, memberId: string, postId: string) {
  await db
    .deleteFrom("peer_support")
    .where("member_id", "=", memberId)
    .where("post_id", "=", postId)
    .execute();
}

/** True when this is the member's first report of the post. */
export async function insertReport(
  db: Db,
  memberId: string,
  postId: string,
  reason: string | null,
  now: Date,
): Promise<boolean> {
  const result = await db
    .insertInto("peer_reports")
    .values({
      member_id: memberId,
      post_id: postId,
      reason,
      created_at: now.toISOString(),
      resolved_at: null,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
