import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "../password-policy";
import { invitableRoleSchema, roleSchema } from "../roles";

/** Request and response shapes shared by the server routes and the PWA's client. */

export const emailSchema = z.email().max(254);
// Length rules beyond this cap are checked by the password policy so the error can explain them.
export const passwordField = z
  .string()
  .min(1)
  .max(PASSWORD_MAX_LENGTH * 4);
export const localeSchema = z.enum(["en", "es"]);
export type Locale = z.infer<typeof localeSchema>;
export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isKnownTimeZone, { message: "Unknown time zone" });

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const signUpBodySchema = z.object({
  email: emailSchema,
  password: passwordField,
  displayName: z.string().trim().min(1).max(80).optional(),
  timeZone: timeZoneSchema.optional(),
  locale: localeSchema.optional(),
});
export type SignUpBody = z.infer<typeof signUpBodySchema>;

/** Changing one's password: the current one proves it is really them (ASVS 6.2.3). */
export const changePasswordBodySchema = z.object({
  currentPassword: passwordField,
  password: passwordField,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

export const signInBodySchema = z.object({
  email: emailSchema,
  password: passwordField,
});
export type SignInBody = z.infer<typeof signInBodySchema>;

export const membershipSchema = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  role: roleSchema,
});

export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string().nullable(),
  timeZone: z.string(),
  /** This person's days around now with the instant each begins in their zone: the phone
   * tells today's date from these without an Intl formatter (domain/local-day.ts, dayAmong). */
  days: z.array(z.object({ day: z.string(), startsAt: z.string() })),
  locale: localeSchema,
  memberships: z.array(membershipSchema),
  /** Whether this session has been given the second factor, and whether this person must
   * have one (their roles show them others' records). */
  secondFactor: z.object({
    state: z.enum(["verified", "pending", "none"]),
    required: z.boolean(),
    /** Only while partly signed in: the ways this person can finish signing in. */
    methods: z.object({ totp: z.boolean(), passkey: z.boolean() }).optional(),
  }),
});
export type Me = z.infer<typeof meSchema>;

export const sessionSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionSchema>;
export const sessionListSchema = z.object({ sessions: z.array(sessionSchema) });

export const sessionIdParamsSchema = z.object({ sessionId: z.string().min(1).max(64) });

/** Ending another of one's sessions asks for the password again (ASVS 5.0 7.5.2); ending this
 * one (signing out here) does not. */
export const endSessionBodySchema = z.object({ password: passwordField.optional() }).nullish();
export type EndSessionBody = z.infer<typeof endSessionBodySchema>;

/** Signing out every other device, offered after a factor is added (ASVS 7.4.3). */
export const endOtherSessionsBodySchema = z.object({ password: passwordField });
export const otherSessionsEndedSchema = z.object({ ended: z.number().int().nonnegative() });

export const createInviteBodySchema = z.object({
  role: invitableRoleSchema,
  email: emailSchema.optional(),
  organizationId: z.string().max(64).optional(),
});
export type CreateInviteBody = z.infer<typeof createInviteBodySchema>;

export const inviteSchema = z.object({
  token: z.string(),
  url: z.string(),
  expiresAt: z.string(),
});
export type Invite = z.infer<typeof inviteSchema>;

export const acceptInviteBodySchema = z.object({
  token: z.string().min(1).max(128),
  email: emailSchema,
  password: passwordField,
  displayName: z.string().trim().min(1).max(80).optional(),
});
export type AcceptInviteBody = z.infer<typeof acceptInviteBodySchema>;

export const okSchema = z.object({ ok: z.literal(true) });

/** What the PWA needs to know about this instance before anyone signs in. */
export const publicConfigSchema = z.object({ signUpOpen: z.boolean() });
export type PublicConfig = z.infer<typeof publicConfigSchema>;
