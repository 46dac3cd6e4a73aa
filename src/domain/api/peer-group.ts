import { z } from "zod";
import { ALIAS_MAX_LENGTH } from "../peer-group/alias";
import {
  PEER_RULES_VERSION,
  POST_MAX_LENGTH,
  peerChannelSchema,
  reportReasonSchema,
} from "../peer-group/channels";

/**
 * Request and response shapes of the peer group. No response carries a user id, an email or a
 * name: people appear by alias only, and "mine" says which posts are the reader's own.
 */

const idSchema = z.string().min(1).max(64);
// Room for spaces the alias rules collapse; the rules themselves are checked by the service
// so the answer can say which one failed.
const aliasInputSchema = z.string().max(ALIAS_MAX_LENGTH * 4);

export const joinPeerGroupRequestSchema = z.strictObject({ alias: aliasInputSchema });
export type JoinPeerGroupRequest = z.infer<typeof joinPeerGroupRequestSchema>;

export const acknowledgeRulesRequestSchema = z.strictObject({
  version: z.literal(PEER_RULES_VERSION),
});

/**
 * A post is only what the member typed: a strict body with one field, so nothing from their
 * record (a check-in, a streak) can ride along.
 */
export const peerPostRequestSchema = z.strictObject({
  body: z.string().trim().min(1).max(POST_MAX_LENGTH),
});
export type PeerPostRequest = z.infer<typeof peerPostRequestSchema>;

export const reportPeerPostRequestSchema = z.strictObject({
  reason: reportReasonSchema.optional(),
});

export const peerMembershipSchema = z.object({
  alias: z.string(),
  rulesAcknowledged: z.boolean(),
  muted: z.boolean(),
});
export type PeerMembership = z.infer<typeof peerMembershipSchema>;

export const peerGroupSchema = z.object({
  organizationName: z.string(),
  /** Null until the person opts in under an alias. */
  membership: peerMembershipSchema.nullable(),
  isModerator: z.boolean(),
  rulesVersion: z.number(),
  channels: z.array(peerChannelSchema),
});
export type PeerGroup = z.infer<typeof peerGroupSchema>;

const postFields = {
  id: z.string(),
  alias: z.string(),
  /** Null when a moderator hid it and the reader is neither its author nor a moderator. */
  body: z.string().nullable(),
  hidden: z.boolean(),
  createdAt: z.string(),
  supportCount: z.number(),
  supportedByMe: z.boolean(),
  reportedByMe: z.boolean(),
  mine: z.boolean(),
};
export const peerReplySchema = z.object(postFields);
export type PeerReply = z.infer<typeof peerReplySchema>;
export const peerPostSchema = z.object({
  ...postFields,
  channel: peerChannelSchema,
  replies: z.array(peerReplySchema),
});
export type PeerPost = z.infer<typeof peerPostSchema>;
export const peerPostListSchema = z.object({ posts: z.array(peerPostSchema) });

export const peerChannelParamsSchema = z.object({ channel: peerChannelSchema });
export const peerPostParamsSchema = z.object({ postId: idSchema });
export const peerAliasParamsSchema = z.object({ alias: aliasInputSchema.min(1) });
export const peerPostListQuerySchema = z.object({
  /** Older posts than this instant (the last one on screen), for "Show earlier posts". */
  before: z.iso.datetime({ offset: true }).optional(),
});

export const createdPeerPostSchema = z.object({
  post: peerReplySchema,
  /** The words looked like a crisis: show the poster the crisis lines now. */
  showCrisisHelp: z.boolean(),
});
export type CreatedPeerPost = z.infer<typeof createdPeerPostSchema>;

export const peerSupportSchema = z.object({ supportCount: z.number(), supportedByMe: z.boolean() });
export const peerLeaveSchema = z.object({ removedPosts: z.number() });

// ---- moderation

export const reportedPeerPostSchema = z.object({
  id: z.string(),
  channel: peerChannelSchema,
  alias: z.string(),
  body: z.string(),
  hidden: z.boolean(),
  createdAt: z.string(),
  isReply: z.boolean(),
  authorMuted: z.boolean(),
  reportCount: z.number(),
  reasons: z.array(z.object({ reason: reportReasonSchema.nullable(), count: z.number() })),
  lastReportedAt: z.string(),
});
export type ReportedPeerPost = z.infer<typeof reportedPeerPostSchema>;
export const peerReportQueueSchema = z.object({
  reports: z.array(reportedPeerPostSchema),
  mutedAliases: z.array(z.string()),
});
export type PeerReportQueue = z.infer<typeof peerReportQueueSchema>;

export const peerModerationResultSchema = z.object({ ok: z.literal(true) });

// ---- moderators, granted by an organization's admin

export const grantModeratorRequestSchema = z.strictObject({
  email: z.email().max(254),
  organizationId: idSchema.optional(),
});
export type GrantModeratorRequest = z.infer<typeof grantModeratorRequestSchema>;
export const peerModeratorSchema = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  email: z.string(),
});
export type PeerModerator = z.infer<typeof peerModeratorSchema>;
export const peerModeratorListSchema = z.object({ moderators: z.array(peerModeratorSchema) });
export const peerModeratorParamsSchema = z.object({ userId: idSchema });
export const peerReportResultSchema = z.object({ reported: z.literal(true) });
