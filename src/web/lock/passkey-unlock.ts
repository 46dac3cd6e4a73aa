import type { okSchema } from "../../domain/api/auth";
import type { passkeyRequestOptionsSchema } from "../../domain/api/passkeys";
import type { secondFactorStatusSchema } from "../../domain/api/second-factor";
import { call, validated } from "../api";
import { browserHasPasskeys, signWithPasskey } from "../components/passkey-ceremony";

/**
 * The app lock opened with one of the person's passkeys instead of the PIN: the device checks
 * who it is (fingerprint, face or its own PIN) and the server checks the signature. Needs a
 * signal; without one the PIN still opens the lock.
 */
export async function canUnlockWithPasskey(): Promise<boolean> {
  if (!browserHasPasskeys()) return false;
  try {
    return (await call<typeof secondFactorStatusSchema>("GET", "/second-factor")).passkeys > 0;
  } catch {
    return false;
  }
}

/** Resolves when the server accepted the passkey; throws an ApiError or PasskeyCeremonyError. */
export async function unlockWithPasskey(): Promise<void> {
  const options = await call<typeof passkeyRequestOptionsSchema>(
    "POST",
    "/second-factor/passkeys/unlock-options",
    {},
  );
  const passkey = await signWithPasskey(options);
  // The lock is in the first load, which carries no zod: the body's schema loads on use.
  const { passkeyUnlockBodySchema } = await import("../../domain/api/passkeys");
  await call<typeof okSchema>(
    "POST",
    "/second-factor/passkeys/unlock",
    validated(passkeyUnlockBodySchema, { passkey }),
  );
}
