import { z } from "zod";
import { passwordField } from "./auth";
import { authenticationResponseSchema } from "./passkeys";

/** The second factor and account recovery: request and response shapes (issue 19). */

export const secondFactorStatusSchema = z.object({
  /** verified: given in this session; pending: partly signed in; none: no factor yet. */
  state: z.enum(["verified", "pending", "none"]),
  /** The person's roles mean they must add one before they can see anyone's records. */
  required: z.boolean(),
  totp: z.boolean(),
  /** How many passkeys the person has (listPasskeys names them). */
  passkeys: z.number().int().min(0),
  recoveryCodesLeft: z.number().int().min(0),
});
export type SecondFactorStatus = z.infer<typeof secondFactorStatusSchema>;

/** Shown once: the secret to type into an app, and the same as an otpauth:// address. */
export const totpEnrolmentSchema = z.object({ secret: z.string(), uri: z.string() });
export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;

const codeField = z.string().trim().min(1).max(40);

export const totpCodeBodySchema = z.object({ code: codeField });
export type TotpCodeBody = z.infer<typeof totpCodeBodySchema>;

/** Finishing sign-in: a code from the app, one of the recovery codes, or a passkey's answer to
 * the challenge from beginPasskeySignIn. */
export const verifySecondFactorBodySchema = z.union([
  z.object({ code: codeField }),
  z.object({ recoveryCode: codeField }),
  z.object({ passkey: authenticationResponseSchema }),
]);
export type VerifySecondFactorBody = z.infer<typeof verifySecondFactorBodySchema>;

/** Making new recovery codes asks for the password again (ASVS 7.5.1): a session left open
 * on a shared computer must not be enough to take over someone's account recovery. */
export const regenerateRecoveryCodesBodySchema = z.object({ password: passwordField });
export type RegenerateRecoveryCodesBody = z.infer<typeof regenerateRecoveryCodesBodySchema>;

/** Shown once, never again: each works one time. */
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;
