import {
  type CreateResetLinkBody,
  createResetLinkBodySchema,
  endSessionsBodySchema,
  type RecoverWithCodeBody,
  recoverWithCodeBodySchema,
  type resetLinkSchema,
  resetPasswordBodySchema,
} from "../../../domain/api/account-recovery";
import {
  type ChangePasswordBody,
  changePasswordBodySchema,
  type meSchema,
  type okSchema,
} from "../../../domain/api/auth";
import {
  type AddPasskeyBody,
  type addedPasskeySchema,
  addPasskeyBodySchema,
  type passkeyCreationOptionsSchema,
  type passkeyListSchema,
  type passkeyRequestOptionsSchema,
  removePasskeyBodySchema,
} from "../../../domain/api/passkeys";
import {
  type recoveryCodesSchema,
  regenerateRecoveryCodesBodySchema,
  type secondFactorStatusSchema,
  totpCodeBodySchema,
  type totpEnrolmentSchema,
  type VerifySecondFactorBody,
  verifySecondFactorBodySchema,
} from "../../../domain/api/second-factor";
import { call, validated } from "../../api";

/** The second factor and account recovery, as the screens call them. */
export const secondFactorApi = {
  status: () => call<typeof secondFactorStatusSchema>("GET", "/second-factor"),
  beginTotp: () => call<typeof totpEnrolmentSchema>("POST", "/second-factor/totp", {}),
  confirmTotp: (code: string) =>
    call<typeof recoveryCodesSchema>(
      "POST",
      "/second-factor/totp/confirm",
      validated(totpCodeBodySchema, { code }),
    ),
  newRecoveryCodes: (password: string) =>
    call<typeof recoveryCodesSchema>(
      "POST",
      "/second-factor/recovery-codes",
      validated(regenerateRecoveryCodesBodySchema, { password }),
    ),
  passkeys: () => call<typeof passkeyListSchema>("GET", "/second-factor/passkeys"),
  beginPasskey: () =>
    call<typeof passkeyCreationOptionsSchema>("POST", "/second-factor/passkeys/options", {}),
  addPasskey: (body: AddPasskeyBody) =>
    call<typeof addedPasskeySchema>(
      "POST",
      "/second-factor/passkeys",
      validated(addPasskeyBodySchema, body),
    ),
  removePasskey: (id: string, lastFactor: boolean, password: string) =>
    call<typeof okSchema>(
      "DELETE",
      `/second-factor/passkeys/${encodeURIComponent(id)}${lastFactor ? "?lastFactor=remove-anyway" : ""}`,
      validated(removePasskeyBodySchema, { password }),
    ),
  beginPasskeySignIn: () =>
    call<typeof passkeyRequestOptionsSchema>("POST", "/auth/second-factor/passkey-options", {}),
  changePassword: (body: ChangePasswordBody) =>
    call<typeof okSchema>("POST", "/me/password", validated(changePasswordBodySchema, body)),
  verify: (body: VerifySecondFactorBody) =>
    call<typeof meSchema>(
      "POST",
      "/auth/second-factor",
      validated(verifySecondFactorBodySchema, body),
    ),
  endSessions: (email: string) =>
    call<typeof okSchema>(
      "POST",
      "/people/sessions/end",
      validated(endSessionsBodySchema, { email }),
    ),
  createResetLink: (body: CreateResetLinkBody) =>
    call<typeof resetLinkSchema>(
      "POST",
      "/password-reset-links",
      validated(createResetLinkBodySchema, body),
    ),
  resetPassword: (token: string, password: string) =>
    call<typeof okSchema>(
      "POST",
      "/auth/password-reset",
      validated(resetPasswordBodySchema, { token, password }),
    ),
  recover: (body: RecoverWithCodeBody) =>
    call<typeof okSchema>("POST", "/auth/recover", validated(recoverWithCodeBodySchema, body)),
};
