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
