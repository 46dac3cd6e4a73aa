import {
  acknowledgeRulesRequestSchema,
  createdPeerPostSchema,
  type GrantModeratorRequest,
  grantModeratorRequestSchema,
  joinPeerGroupRequestSchema,
  peerGroupSchema,
  peerLeaveSchema,
  peerMembershipSchema,
  peerModerationResultSchema,
  peerModeratorListSchema,
  peerModeratorSchema,
  peerPostListSchema,
  peerPostRequestSchema,
  peerReportQueueSchema,
  peerReportResultSchema,
  peerSupportSchema,
} from "../../../domain/api/peer-group";
import type { PeerChannel, ReportReason } from "../../../domain/peer-group/channels";
import { call, validated } from "../../api";

const id = (value: string) => encodeURIComponent(value);
const once = (key: string) => ({ "idempotency-key": key });

/** The peer group's requests: the group, posts, support, reports, moderation, moderators. */
export const peerGroupApi = {
  group: () => call("GET", "/peer-group", peerGroupSchema),
  join: (alias: string) =>
    call(
      "POST",
      "/peer-group/membership",
      peerMembershipSchema,
      validated(joinPeerGroupRequestSchema, { alias }),
    ),
  acknowledgeRules: (version: number) =>
    call(
      "POST",
      "/peer-group/membership/rules",
      peerMembershipSchema,
      validated(acknowledgeRulesRequestSchema, { version }),
    ),
  leave: () => call("DELETE", "/peer-group/membership", peerLeaveSchema),
  posts: (channel: PeerChannel, before?: string) =>
    call(
      "GET",
      `/peer-group/channels/${channel}/posts${before ? `?before=${id(before)}` : ""}`,
      peerPostListSchema,
    ),
  createPost: (channel: PeerChannel, body: string, idempotencyKey: string) =>
    call(
      "POST",
      `/peer-group/channels/${channel}/posts`,
      createdPeerPostSchema,
      validated(peerPostRequestSchema, { body }),
      once(idempotencyKey),
    ),
  reply: (postId: string, body: string, idempotencyKey: string) =>
    call(
      "POST",
      `/peer-group/posts/${id(postId)}/replies`,
      createdPeerPostSchema,
      validated(peerPostRequestSchema, { body }),
      once(idempotencyKey),
    ),
  setSupport: (postId: string, supported: boolean) =>
    call(
      supported ? "PUT" : "DELETE",
      `/peer-group/posts/${id(postId)}/support`,
      peerSupportSchema,
    ),
  report: (postId: string, reason: ReportReason | undefined) =>
    call(
      "POST",
      `/peer-group/posts/${id(postId)}/reports`,
      peerReportResultSchema,
      reason ? { reason } : {},
    ),
  reports: () => call("GET", "/peer-group/moderation/reports", peerReportQueueSchema),
  moderatePost: (postId: string, action: "hide" | "unhide" | "dismiss-reports") =>
    call(
      "POST",
      `/peer-group/moderation/posts/${id(postId)}/${action}`,
      peerModerationResultSchema,
      {},
    ),
  setMuted: (alias: string, muted: boolean) =>
    call(
      muted ? "PUT" : "DELETE",
      `/peer-group/moderation/mutes/${id(alias)}`,
      peerModerationResultSchema,
    ),
  moderators: () => call("GET", "/peer-group/moderators", peerModeratorListSchema),
  grantModerator: (body: GrantModeratorRequest) =>
    call(
      "POST",
      "/peer-group/moderators",
      peerModeratorSchema,
      validated(grantModeratorRequestSchema, body),
    ),
  revokeModerator: (userId: string) =>
    call("DELETE", `/peer-group/moderators/${id(userId)}`, peerModerationResultSchema),
};
