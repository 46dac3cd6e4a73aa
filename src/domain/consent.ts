import { z } from "zod";

/**
 * Categories of a member's data that a consent grant names one by one (42 CFR Part 2
 * asks a consent to say which information may be disclosed).
 */
export const dataCategorySchema = z.enum([
  "profile",
  "checkins",
  "cravings",
  "use",
  "plan",
  "medication",
  "assessments",
  "withdrawal",
  "appointments",
  "notes",
  // Support people, meetings and naloxone: the member's own circle, shared only when named.
  "support",
  // Contingency management: reward targets, verified occasions and the points ledger.
  "rewards",
  // Messages between the member and this one person (issue 17): a grant naming it opens the
  // thread between the two of them, never the member's threads with anyone else.
  "messages",
  // Lessons started, done and assigned (issue 18): their own category, so a member can share
  // learning progress (a clinic's rewards, say) without opening the plan or anything else.
  "lessons",
]);
export type DataCategory = z.infer<typeof dataCategorySchema>;

export interface GrantView {
  granteeUserId: string;
  categories: readonly DataCategory[];
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** A grant lets its grantee see a category while it is neither revoked nor expired. */
export function grantAllows(
  grant: GrantView,
  granteeUserId: string,
  category: DataCategory,
  now: Date,
): boolean {
  if (grant.granteeUserId !== granteeUserId) return false;
  if (grant.revokedAt !== null && grant.revokedAt <= now) return false;
  if (grant.expiresAt !== null && grant.expiresAt <= now) return false;
  return grant.categories.includes(category);
}

/**
 * Categories a member can name in a consent, each chosen on its own. "profile" (name and time
 * zone) is not implied: some features file other things under it, so a grant names it or not.
 */
export const consentCategorySchema = dataCategorySchema;
export type ConsentCategory = z.infer<typeof consentCategorySchema>;

export type GrantStatus = "active" | "expired" | "revoked";

export function grantStatus(
  grant: Pick<GrantView, "expiresAt" | "revokedAt">,
  now: Date,
): GrantStatus {
  if (grant.revokedAt !== null && grant.revokedAt <= now) return "revoked";
  if (grant.expiresAt !== null && grant.expiresAt <= now) return "expired";
  return "active";
}

/**
 * The statement a member signs (42 CFR §2.31): who may receive what, for what purpose, until
 * when, and that they may revoke it. The version is stored with each signature.
 */
export const CONSENT_STATEMENT_VERSION = "2026-11-part2-v1";
export const REVOCATION_STATEMENT =
  "I understand that I may revoke this consent at any time, except to the extent that action has already been taken in reliance on it.";

/**
 * The notice that must accompany every disclosure of Part 2 records to a recipient
 * (42 CFR §2.32, short form as the 2024 rule allows).
 */
export const REDISCLOSURE_NOTICE =
  "42 CFR part 2 prohibits unauthorized use or disclosure of these records.";

/** A line of the member's access log in words: "Sam Rivera looked at your check-ins". */
export interface AccessDescription {
  /** i18n key, e.g. "care.access.read" or "care.access.denied". */
  key: string;
  params: { actor: string; what: string };
}

/** Peer-group moderation is about the member's posts, not their record: its own sentences. */
const PEER_GROUP_ACTIONS: Record<string, string> = {
  "moderate:hide-post": "hide-post",
  "moderate:unhide-post": "unhide-post",
  "moderate:dismiss-reports": "dismiss-reports",
  "moderate:mute": "mute",
  "moderate:unmute": "unmute",
  "grant:moderator": "moderator-grant",
  "revoke:moderator": "moderator-revoke",
};

/** Account events (issue 19): a reset, or a change to how the person signs in. */
const ACCOUNT_ACTIONS: Record<string, string> = {
  "reset-link": "care.access.resetLink",
  "password-reset": "care.access.passwordReset",
  "passkey-added": "care.access.passkeyAdded",
  "passkey-removed": "care.access.passkeyRemoved",
  "passkey-sign-in": "care.access.passkeySignIn",
  "sessions-ended": "care.access.sessionsEnded",
  "removed-from-organization": "care.access.removedFromOrganization",
  "sharing-ended": "care.access.sharingEnded",
};

/** Turns an audit event's action ("read:checkins") into words the member's screen can show. */
export function describeAccess(event: {
  actorName: string | null;
  action: string;
  resource: string;
  outcome: "allowed" | "denied";
}): AccessDescription {
  const actor = event.actorName ?? "Someone";
  const peerGroupAction = PEER_GROUP_ACTIONS[event.action];
  if (peerGroupAction) {
    return { key: `peerGroup.access.${peerGroupAction}`, params: { actor, what: event.resource } };
  }
  const [verb = "read", category = ""] = event.action.split(":");
  // Account events (issue 19) are about the person's sign-in, not a category of their data.
  if (verb === "account") {
    const key = ACCOUNT_ACTIONS[category] ?? "care.access.passwordReset";
    // The resource names the organization or the person (never health data).
    return { key, params: { actor, what: event.resource } };
  }
  const parsed = dataCategorySchema.safeParse(category);
  const what = parsed.success ? parsed.data : event.resource;
  const base = verb === "write" ? "care.access.write" : "care.access.read";
  return {
    key: event.outcome === "denied" ? `${base}Denied` : base,
    params: { actor, what },
  };
}
