import {
  type CreateResetLinkBody,
  createResetLinkBodySchema,
  endSessionsBodySchema,
  type RecoverWithCodeBody,
  recoverWithCodeBodySchema,
  resetLinkSchema,
  resetPasswordBodySchema,
} from "../../../domain/api/account-recovery";
import {
  type ChangePasswordBody,
  changePasswordBodySchema,
  meSchema,
  okSchema,
} from "../../../domain/api/auth";
import {
  type AddPasskeyBody,
  addedPasskeySchema,
  addPasskeyBodySchema,
  passkeyCreationOptionsSchema,
  passkeyListSchema,
  passkeyRequestOptionsSchema,
} from "../../../domain/api/passkeys";
import {
  recoveryCodesSchema,
  regenerateRecoveryCodesBodySchema,
  secondFactorStatusSchema,
  totpCodeBodySchema,
  totpEnrolmentSchema,
  type VerifySecondFactorBody,
  verifySecondFactorBodySchema,
} from "../../../domain/api/second-factor";
import { call, validated } from "../../api";

/** The second factor and account recovery, as the screens call them. */
export const secondFactorApi = {
  status: () => call("GET", "/second-factor", secondFactorStatusSchema),
  beginTotp: () => call("POST", "/second-factor/totp", totpEnrolmentSchema, {}),
  confirmTotp: (code: string) =>
    call(
      "POST",
      "/second-factor/totp/confirm",
      recoveryCodesSchema,
      validated(totpCodeBodySchema, { code }),
    ),
  newRecoveryCodes: (password: string) =>
    call(
      "POST",
      "/second-factor/recovery-codes",
      recoveryCodesSchema,
      validated(regenerateRecoveryCodesBodySchema, { password }),
    ),
  passkeys: () => call("GET", "/second-factor/passkeys", passkeyListSchema),
  beginPasskey: () =>
    call("POST", "/second-factor/passkeys/options", passkeyCreationOptionsSchema, {}),
  addPasskey: (body: AddPasskeyBody) =>
    call(
      "POST",
      "/second-factor/passkeys",
      addedPasskeySchema,
      validated(addPasskeyBodySchema, body),
    ),
  removePasskey: (id: string, lastFactor: boolean) =>
    call(
      "DELETE",
      `/second-factor/passkeys/${encodeURIComponent(id)}${lastFactor ? "?lastFactor=remove-anyway" : ""}`,
      okSchema,
    ),
  beginPasskeySignIn: () =>
    call("POST", "/auth/second-factor/passkey-options", passkeyRequestOptionsSchema, {}),
  changePassword: (body: ChangePasswordBody) =>
    call("POST", "/me/password", okSchema, validated(changePasswordBodySchema, body)),
  verify: (body: VerifySecondFactorBody) =>
    call("POST", "/auth/second-factor", meSchema, validated(verifySecondFactorBodySchema, body)),
  endSessions: (email: string) =>
    call("POST", "/people/sessions/end", okSchema, validated(endSessionsBodySchema, { email })),
  createResetLink: (body: CreateResetLinkBody) =>
    call(
      "POST",
      "/password-reset-links",
      resetLinkSchema,
      validated(createResetLinkBodySchema, body),
    ),
  resetPassword: (token: string, password: string) =>
    call(
      "POST",
      "/auth/password-reset",
      okSchema,
      validated(resetPasswordBodySchema, { token, password }),
    ),
  recover: (body: RecoverWithCodeBody) =>
    call("POST", "/auth/recover", okSchema, validated(recoverWithCodeBodySchema, body)),
};
