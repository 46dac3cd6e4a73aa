// Posting, replying, support and reports in the peer group: words the member types, under
// their alias, with a pace limit, crisis lines for the poster, and reports for moderators.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { CreatedPeerPost, PeerPost } from "../../../../domain/api/peer-group";
import {
  PEER_RULES_VERSION,
  type PeerChannel,
  POST_RATE,
  postingWaitSeconds,
  type ReportReason,
} from "../../../../domain/peer-group/channels";
import { mentionsCrisis } from "../../../../domain/peer-group/crisis-words";
import type { Database } from "../../../db/schema";
import { AppError, notFound } from "../../../errors";
import type { IdempotentResult, WriteOnce } from "../../../http/idempotency";
import type { Actor } from "../../../security/session";
import { assertCanRead, assertJoined, type GroupReader, readerOf } from "../group-access";
import * as queries from "./queries";
import { NO_FACTS, type PostFacts, postView } from "./views";

const PAGE_SIZE = 30;

export async function listPosts(
  db: Kysely<Database>,
  actor: Actor,
  channel: PeerChannel,
  before: string | undefined,
): Promise<{ posts: PeerPost[] }> {
  const reader = await readerOf(db, actor);
  assertCanRead(reader);
  const top = await queries.listTopLevel(db, reader.organizationId, channel, before, PAGE_SIZE);
  const replies = await queries.listReplies(
    db,
    reader.organizationId,
    top.map((post) => post.id),
  );
  const ids = [...top, ...replies].map((post) => post.id);
  const facts: PostFacts = {
    supportCounts: await queries.supportCounts(db, ids),
    supportedByMe: await queries.supportedBy(db, actor.userId, ids),
    reportedByMe: await queries.reportedBy(db, actor.userId, ids),
  };
  return {
    posts: top.map((post) => ({
      ...postView(post, reader, facts),
      channel,
      replies: replies
        .filter((reply) => reply.parent_id === post.id)
        .map((reply) => postView(reply, reader, facts)),
    })),
  };
}

/** A new post in a channel, or a reply to a post (`parentId`), once per Idempotency-Key. */
export async function createPost(
  db: Kysely<Database>,
  actor: Actor,
  target: { channel: PeerChannel } | { parentId: string },
  body: string,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<CreatedPeerPost>> {
  const reader = await readerOf(db, actor);
  assertMayPost(reader);
  return writeOnce(async (trx) => {
    let channel: string;
    let parentId: string | null = null;
    if ("parentId" in target) {
      const parent = await queries.findPost(trx, reader.organizationId, target.parentId);
      if (!parent) throw notFound("That post");
      if (parent.parent_id !== null) {
        throw new AppError("reply_to_reply", 409, "Reply to the post itself, not to a reply.");
      }
      if (parent.hidden_at !== null) {
        throw new AppError("post_hidden", 409, "A moderator hid this post; it takes no replies.");
      }
      channel = parent.channel;
      parentId = parent.id;
    } else {
      channel = target.channel;
    }
    await queries.holdMembership(trx, actor.userId, reader.organizationId);
    const since = new Date(now.getTime() - POST_RATE.windowMs).toISOString();
    const wait = postingWaitSeconds(
      await queries.recentPostInstants(trx, actor.userId, since),
      now,
    );
    if (wait > 0) {
      throw new AppError(
        "rate_limited",
        429,
        "That is a lot of posts in a short time. Please wait a little and try again.",
        undefined,
        { "retry-after": String(wait) },
      );
    }
    const post = {
      member_id: actor.userId,
      id: randomUUID(),
      organization_id: reader.organizationId,
      channel,
      parent_id: parentId,
      body,
      created_at: now.toISOString(),
      hidden_at: null,
      hidden_by: null,
    };
    await queries.insertPost(trx, post);
    const alias = reader.membership?.alias ?? "";
    return {
      statusCode: 201,
      body: {
        post: postView({ ...post, alias }, reader, NO_FACTS),
        showCrisisHelp: mentionsCrisis(body),
      },
    };
  });
}

function assertMayPost(reader: GroupReader): void {
  const membership = assertJoined(reader);
  if (membership.rulesVersion < PEER_RULES_VERSION) {
    throw new AppError(
      "rules_not_acknowledged",
      409,
      "Read and accept the group's rules before your first post.",
    );
  }
  if (membership.muted) {
    throw new AppError("muted", 403, "A moderator has paused your posting in the group.");
  }
}

/** Support is one reaction, on or off; the answer is the new count. */
export async function setSupport(
  db: Kysely<Database>,
  actor: Actor,
  postId: string,
  supported: boolean,
  now = new Date(),
): Promise<{ supportCount: number; supportedByMe: boolean }> {
  const reader = await readerOf(db, actor);
  assertJoined(reader);
  const post = await queries.findPost(db, reader.organizationId, postId);
  if (!post) throw notFound("That post");
  if (supported) await queries.addSupport(db, actor.userId, postId, now);
  else await queries.removeSupport(db, actor.userId, postId);
  const counts = await queries.supportCounts(db, [postId]);
  return { supportCount: counts.get(postId) ?? 0, supportedByMe: supported };
}

/** A report puts the post in the moderators' queue; reporting twice is the same report. */
export async function reportPost(
  db: Kysely<Database>,
  actor: Actor,
  postId: string,
  reason: ReportReason | undefined,
  now = new Date(),
): Promise<{ created: boolean }> {
  const reader = await readerOf(db, actor);
  assertJoined(reader);
  const post = await queries.findPost(db, reader.organizationId, postId);
  if (!post) throw notFound("That post");
  if (post.member_id === actor.userId) {
    throw new AppError("own_post", 409, "You cannot report your own post.");
  }
  const created = await queries.insertReport(db, actor.userId, postId, reason ?? null, now);
  return { created };
}
