// Moderating the peer group: moderators see reported posts, hide or restore a post, dismiss
// reports, and mute or unmute an alias. Every action is written to the audit log.
import type { Kysely, Transaction } from "kysely";
import type { PeerReportQueue, ReportedPeerPost } from "../../../../domain/api/peer-group";
import { aliasKey } from "../../../../domain/peer-group/alias";
import type { PeerChannel, ReportReason } from "../../../../domain/peer-group/channels";
import type { Database } from "../../../db/schema";
import { notFound } from "../../../errors";
import type { IdempotentResult, WriteOnce } from "../../../http/idempotency";
import { appendAuditEvent } from "../../../security/audit";
import type { Actor } from "../../../security/session";
import { assertModerator, readerOf } from "../group-access";
import { findByAliasKey } from "../queries";
import * as queries from "./queries";

const PURPOSE = "peer group moderation";
type Done = IdempotentResult<{ ok: true }>;
const DONE: Done = { statusCode: 200, body: { ok: true } };

export async function getReportQueue(db: Kysely<Database>, actor: Actor): Promise<PeerReportQueue> {
  const reader = await readerOf(db, actor);
  assertModerator(reader);
  const rows = await queries.listReportedPosts(db, reader.organizationId);
  const byPost = new Map<string, ReportedPeerPost>();
  for (const row of rows) {
    const entry = byPost.get(row.id) ?? {
      id: row.id,
      channel: row.channel as PeerChannel,
      alias: row.alias,
      body: row.body,
      hidden: row.hidden_at !== null,
      createdAt: row.created_at,
      isReply: row.parent_id !== null,
      authorMuted: row.muted_at !== null,
      reportCount: 0,
      reasons: [],
      lastReportedAt: row.reported_at,
    };
    entry.reportCount += 1;
    const reason = (row.reason as ReportReason | null) ?? null;
    const counted = entry.reasons.find((r) => r.reason === reason);
    if (counted) counted.count += 1;
    else entry.reasons.push({ reason, count: 1 });
    byPost.set(row.id, entry);
  }
  return {
    reports: [...byPost.values()],
    mutedAliases: await queries.mutedAliases(db, reader.organizationId),
  };
}

type PostAction = "hide-post" | "unhide-post" | "dismiss-reports";

/**
 * Hides or restores a post, or dismisses its reports. Hiding also clears its reports from the
 * queue. The audit event names the post's author as the member it is about, so the author
 * finds it in their own access log.
 */
export async function moderatePost(
  db: Kysely<Database>,
  actor: Actor,
  postId: string,
  action: PostAction,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<Done> {
  const reader = await readerOf(db, actor);
  assertModerator(reader);
  return writeOnce(async (trx) => {
    const post = await queries.findPostAuthor(trx, reader.organizationId, postId);
    if (!post) throw notFound("That post");
    if (action === "hide-post") {
      await queries.setHidden(trx, postId, { at: now.toISOString(), by: actor.userId });
    }
    if (action === "unhide-post") await queries.setHidden(trx, postId, null);
    if (action !== "unhide-post") await queries.resolveReports(trx, postId, now);
    await audit(trx, actor, post.member_id, action, `peer group post ${postId}`, now);
    return DONE;
  });
}

/** Muting stops an alias from posting and replying until a moderator lifts it. */
export async function setMuted(
  db: Kysely<Database>,
  actor: Actor,
  alias: string,
  muted: boolean,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<Done> {
  const reader = await readerOf(db, actor);
  assertModerator(reader);
  return writeOnce(async (trx) => {
    const member = await findByAliasKey(trx, reader.organizationId, aliasKey(alias));
    if (!member) throw notFound("Nobody in the group with that alias");
    if (muted) {
      await queries.insertMute(trx, member.member_id, reader.organizationId, actor.userId, now);
    } else {
      await queries.deleteMute(trx, member.member_id, reader.organizationId);
    }
    const action = muted ? "mute" : "unmute";
    await audit(trx, actor, member.member_id, action, `peer group alias "${member.alias}"`, now);
    return DONE;
  });
}

function audit(
  trx: Transaction<Database>,
  actor: Actor,
  memberId: string,
  action: string,
  resource: string,
  now: Date,
): Promise<void> {
  return appendAuditEvent(
    trx,
    {
      actorId: actor.userId,
      memberId,
      action: `moderate:${action}`,
      resource,
      purpose: PURPOSE,
      outcome: "allowed",
    },
    now,
  );
}
