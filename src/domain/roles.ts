import { z } from "zod";

/**
 * Roles are held per organization; one person may hold several. A moderator looks after the
 * organization's peer group (hides posts, mutes people); an admin grants it to someone who
 * already belongs to the organization.
 */
export const roleSchema = z.enum(["member", "clinician", "supporter", "admin", "moderator"]);
export type Role = z.infer<typeof roleSchema>;

/** Roles an admin may invite; members sign themselves up. */
export const invitableRoleSchema = z.enum(["clinician", "supporter", "admin"]);
export type InvitableRole = z.infer<typeof invitableRoleSchema>;

/** Staff sessions expire quickly because staff devices are shared; members keep their own phone. */
export function isStaffRole(role: Role): boolean {
  return role === "clinician" || role === "admin";
}
