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

/** Turns an audit event's action ("read:checkins") into words the member's screen can show. */
export function describeAccess(event: {
  actorName: string | null;
  action: string;
  resource: string;
  outcome: "allowed" | "denied";
}): AccessDescription {
  const [verb = "read", category = ""] = event.action.split(":");
  const actor = event.actorName ?? "Someone";
  // Account events (issue 19) are about the person's sign-in, not a category of their data.
  if (verb === "account") {
    const key = category === "reset-link" ? "care.access.resetLink" : "care.access.passwordReset";
    return { key, params: { actor, what: "" } };
  }
  const parsed = dataCategorySchema.safeParse(category);
  const what = parsed.success ? parsed.data : event.resource;
  const base = verb === "write" ? "care.access.write" : "care.access.read";
  return {
    key: event.outcome === "denied" ? `${base}Denied` : base,
    params: { actor, what },
  };
}
