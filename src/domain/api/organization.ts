import { z } from "zod";
import { roleSchema } from "../roles";
import { passwordField } from "./auth";

/** An organization's staff, as its admin sees them, and taking someone off it (ASVS 7.4.2). */

export const organizationParamsSchema = z.object({ organizationId: z.string().uuid() });

export const staffMemberParamsSchema = z.object({
  organizationId: z.string().uuid(),
  personId: z.string().uuid(),
});
export type StaffMemberParams = z.infer<typeof staffMemberParamsSchema>;

export const staffMemberSchema = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  email: z.string(),
  /** Their roles here other than "member": clinician, supporter, moderator, admin. */
  roles: z.array(roleSchema),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const staffListSchema = z.object({
  organization: z.object({ id: z.string(), name: z.string() }),
  staff: z.array(staffMemberSchema),
});
export type StaffList = z.infer<typeof staffListSchema>;

export const staffRemovalSchema = z.object({
  ok: z.literal(true),
  /** How many members' sharing with this person ended with their place here. */
  sharingEnded: z.number().int().nonnegative(),
});
export type StaffRemoval = z.infer<typeof staffRemovalSchema>;

/** Signing everyone of the organization out at once (ASVS 7.4.5) takes the admin's password. */
export const endOrganizationSessionsBodySchema = z.object({ password: passwordField });
export type EndOrganizationSessionsBody = z.infer<typeof endOrganizationSessionsBodySchema>;

export const organizationSessionsEndedSchema = z.object({
  /** How many people were signed out (the admin's own other devices included). */
  people: z.number().int().nonnegative(),
});
export type OrganizationSessionsEnded = z.infer<typeof organizationSessionsEndedSchema>;
