import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "../password-policy";
import { emailSchema } from "./auth";

/** Getting back into an account without email: admin reset links and recovery codes. */

const newPassword = z
  .string()
  .min(1)
  .max(PASSWORD_MAX_LENGTH * 4);

export const createResetLinkBodySchema = z.object({
  email: emailSchema,
  /** Also clear the person's authenticator (a lost phone); they add a new one after. */
  removeSecondFactor: z.boolean().optional(),
});
export type CreateResetLinkBody = z.infer<typeof createResetLinkBodySchema>;

/** An admin signs someone out everywhere (a lost phone, a colleague who left). */
export const endSessionsBodySchema = z.object({ email: emailSchema });
export type EndSessionsBody = z.infer<typeof endSessionsBodySchema>;

/** Always the same shape, whether or not the email has an account here. */
export const resetLinkSchema = z.object({ url: z.string(), expiresAt: z.string() });
export type ResetLink = z.infer<typeof resetLinkSchema>;

export const resetPasswordBodySchema = z.object({
  token: z.string().min(1).max(128),
  password: newPassword,
});
export type ResetPasswordBody = z.infer<typeof resetPasswordBodySchema>;

export const recoverWithCodeBodySchema = z.object({
  email: emailSchema,
  recoveryCode: z.string().trim().min(1).max(40),
  password: newPassword,
});
export type RecoverWithCodeBody = z.infer<typeof recoverWithCodeBodySchema>;
