import {
  acknowledgeRulesRequestSchema,
  type createdPeerPostSchema,
  type GrantModeratorRequest,
  grantModeratorRequestSchema,
  joinPeerGroupRequestSchema,
  type peerGroupSchema,
  type peerLeaveSchema,
  type peerMembershipSchema,
  type peerModerationResultSchema,
  type peerModeratorListSchema,
  type peerModeratorSchema,
  type peerPostListSchema,
  peerPostRequestSchema,
  type peerReportQueueSchema,
  type peerReportResultSchema,
  type peerSupportSchema,
} from "../../../domain/api/peer-group";
import type { PeerChannel, ReportReason } from "../../../domain/peer-group/channels";
import { call, validated } from "../../api";

const id = (value: string) => encodeURIComponent(value);
const once = (key: string) => ({ "idempotency-key": key });

/** The peer group's requests: the group, posts, support, reports, moderation, moderators. */
export const peerGroupApi = {
  group: () => call<typeof peerGroupSchema>("GET", "/peer-group"),
  join: (alias: string) =>
    call<typeof peerMembershipSchema>(
      "POST",
      "/peer-group/membership",
      validated(joinPeerGroupRequestSchema, { alias }),
    ),
  acknowledgeRules: (version: number) =>
    call<typeof peerMembershipSchema>(
      "POST",
      "/peer-group/membership/rules",
      validated(acknowledgeRulesRequestSchema, { version }),
    ),
  leave: () => call<typeof peerLeaveSchema>("DELETE", "/peer-group/membership"),
  posts: (channel: PeerChannel, before?: string) =>
    call<typeof peerPostListSchema>(
      "GET",
      `/peer-group/channels/${channel}/posts${before ? `?before=${id(before)}` : ""}`,
    ),
  createPost: (channel: PeerChannel, body: string, idempotencyKey: string) =>
    call<typeof createdPeerPostSchema>(
      "POST",
      `/peer-group/channels/${channel}/posts`,
      validated(peerPostRequestSchema, { body }),
      once(idempotencyKey),
    ),
  reply: (postId: string, body: string, idempotencyKey: string) =>
    call<typeof createdPeerPostSchema>(
      "POST",
      `/peer-group/posts/${id(postId)}/replies`,
      validated(peerPostRequestSchema, { body }),
      once(idempotencyKey),
    ),
  setSupport: (postId: string, supported: boolean) =>
    call<typeof peerSupportSchema>(
      supported ? "PUT" : "DELETE",
      `/peer-group/posts/${id(postId)}/support`,
    ),
  report: (postId: string, reason: ReportReason | undefined) =>
    call<typeof peerReportResultSchema>(
      "POST",
      `/peer-group/posts/${id(postId)}/reports`,
      reason ? { reason } : {},
    ),
  reports: () => call<typeof peerReportQueueSchema>("GET", "/peer-group/moderation/reports"),
  moderatePost: (postId: string, action: "hide" | "unhide" | "dismiss-reports") =>
    call<typeof peerModerationResultSchema>(
      "POST",
      `/peer-group/moderation/posts/${id(postId)}/${action}`,
      {},
    ),
  setMuted: (alias: string, muted: boolean) =>
    call<typeof peerModerationResultSchema>(
      muted ? "PUT" : "DELETE",
      `/peer-group/moderation/mutes/${id(alias)}`,
    ),
  moderators: () => call<typeof peerModeratorListSchema>("GET", "/peer-group/moderators"),
  grantModerator: (body: GrantModeratorRequest) =>
    call<typeof peerModeratorSchema>(
      "POST",
      "/peer-group/moderators",
      validated(grantModeratorRequestSchema, body),
    ),
  revokeModerator: (userId: string) =>
    call<typeof peerModerationResultSchema>("DELETE", `/peer-group/moderators/${id(userId)}`),
};
