import type {
  AddPasskeyBody,
  AuthenticationResponse,
  PasskeyCreationOptions,
  PasskeyRequestOptions,
} from "../../domain/api/passkeys";
import type { I18n } from "../i18n/context";
import type { MessageKey } from "../i18n/translate";
import { describeError, type ErrorDescription } from "./api-error";

/**
 * The browser's half of a passkey: asks the device (phone, computer or security key) to make
 * a passkey or sign a challenge, through @simplewebauthn/browser, loaded only when a person
 * uses a passkey. A refusal becomes a message key the screens show.
 */
export class PasskeyCeremonyError extends Error {
  constructor(readonly messageKey: MessageKey) {
    super(messageKey);
    this.name = "PasskeyCeremonyError";
  }
}

/** Whether this browser can use passkeys at all (it has WebAuthn). */
export function browserHasPasskeys(): boolean {
  return typeof window !== "undefined" && typeof window.PublicKeyCredential === "function";
}

export async function createPasskey(
  options: PasskeyCreationOptions,
): Promise<AddPasskeyBody["response"]> {
  const { startRegistration } = await import("@simplewebauthn/browser");
  try {
    // The library's JSON types are the WebAuthn ones; ours are their outline, checked by zod.
    return (await startRegistration({
      optionsJSON: options as never,
    })) as AddPasskeyBody["response"];
  } catch (error) {
    throw ceremonyError(error);
  }
}

export async function signWithPasskey(
  options: PasskeyRequestOptions,
): Promise<AuthenticationResponse> {
  const { startAuthentication } = await import("@simplewebauthn/browser");
  try {
    return (await startAuthentication({ optionsJSON: options as never })) as AuthenticationResponse;
  } catch (error) {
    throw ceremonyError(error);
  }
}

function ceremonyError(error: unknown): PasskeyCeremonyError {
  const code = (error as { code?: string }).code;
  const name = (error as { name?: string }).name;
  if (code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED") {
    return new PasskeyCeremonyError("passkeys.alreadyOnDevice");
  }
  // The person closed the prompt, or it timed out: nothing went wrong, they can try again.
  if (name === "NotAllowedError" || name === "AbortError" || code === "ERROR_CEREMONY_ABORTED") {
    return new PasskeyCeremonyError("passkeys.cancelled");
  }
  return new PasskeyCeremonyError("passkeys.deviceFailed");
}

/** The device's refusal in the person's words, or the server's. */
export function ceremonyFailure(error: unknown, i18n: I18n): ErrorDescription {
  if (error instanceof PasskeyCeremonyError) return { message: i18n.t(error.messageKey) };
  return describeError(error, i18n);
}
