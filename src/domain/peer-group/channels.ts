import { z } from "zod";

/** The group's few fixed channels; each has a name and a one-line purpose in the catalogs. */
export const PEER_CHANNELS = ["today", "milestones", "hard-moment"] as const;
export const peerChannelSchema = z.enum(PEER_CHANNELS);
export type PeerChannel = z.infer<typeof peerChannelSchema>;

/** Why a member reports a post: a short list so moderators can sort, and no free text to leak. */
export const REPORT_REASONS = ["unkind", "personal-details", "unsafe", "spam", "other"] as const;
export const reportReasonSchema = z.enum(REPORT_REASONS);
export type ReportReason = z.infer<typeof reportReasonSchema>;

/** The version of the rules notice; a member acknowledges it before their first post. */
export const PEER_RULES_VERSION = 1;

/** Size limits: a post is a few paragraphs, never a document. */
export const POST_MAX_LENGTH = 2000;

/**
 * Posting pace, per member, counted from the posts table (so it holds across restarts and
 * processes): 10 posts or replies in 10 minutes is a flowing conversation; more is a flood.
 */
export const POST_RATE = { max: 10, windowMs: 10 * 60 * 1000 } as const;

/** Seconds until the oldest post in the window leaves it, when the member is at the limit. */
export function postingWaitSeconds(
  recentPostInstants: readonly string[],
  now: Date,
  rate: { max: number; windowMs: number } = POST_RATE,
): number {
  const windowStart = now.getTime() - rate.windowMs;
  const inWindow = recentPostInstants
    .map((instant) => new Date(instant).getTime())
    .filter((time) => time > windowStart)
    .sort((a, b) => a - b);
  if (inWindow.length < rate.max) return 0;
  const freesAt = (inWindow[inWindow.length - rate.max] ?? now.getTime()) + rate.windowMs;
  return Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000));
}
