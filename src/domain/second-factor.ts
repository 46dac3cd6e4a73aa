import type { Role } from "./roles";

/**
 * The second factor's pure rules (ASVS 5.0 V6): who must have one, the shape of recovery codes,
 * and when a TOTP code may be accepted. No I/O; randomness is passed in.
 */

/** Anyone who may see other people's records (clinicians, supporters with a care role in an
 * organization, admins) must add a second factor before they can. Members may choose one. */
export function requiresSecondFactor(roles: readonly Role[]): boolean {
  return roles.some((role) => role !== "member");
}

/**
 * How a session stands: "verified" once the second factor was given (or enrolled) in it;
 * "pending" when the person has a factor but has not given it yet (partly signed in);
 * "none" when the person has no factor at all.
 */
export type SecondFactorState = "verified" | "pending" | "none";

export const RECOVERY_CODE_COUNT = 10;
/** Crockford's base32: no i, l, o or u, so a code read aloud or copied by hand survives. */
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const RECOVERY_CODE_LENGTH = 12;
/** The first group is stored in clear as the code's id, so one hash is checked, not ten. */
export const RECOVERY_CODE_ID_LENGTH = 4;

/** A code from 12 random bytes: 12 characters of 5 bits, 60 bits in all. */
export function recoveryCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < RECOVERY_CODE_LENGTH) throw new Error("A recovery code needs 12 bytes");
  let code = "";
  for (let index = 0; index < RECOVERY_CODE_LENGTH; index += 1) {
    code += ALPHABET[(bytes[index] ?? 0) & 31];
  }
  return code;
}

/** "abcd-efgh-jkmn": groups of four, the way codes are shown and printed. */
export function formatRecoveryCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}

/**
 * What a person typed, as the stored form: case, spaces and dashes do not matter, and the
 * letters people confuse with digits (o, i, l) are read as 0 and 1. Null when it cannot be one.
 */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input.toLowerCase().replace(/[\s-]/g, "").replace(/o/g, "0").replace(/[il]/g, "1");
  if (code.length !== RECOVERY_CODE_LENGTH) return null;
  for (const character of code) if (!ALPHABET.includes(character)) return null;
  return code;
}

/** Six digits, spaces allowed ("123 456" is how many apps show it). Null otherwise. */
export function normalizeTotpCode(input: string): string | null {
  const code = input.replace(/\s/g, "");
  return /^\d{6}$/.test(code) ? code : null;
}

/**
 * A TOTP code is accepted once: only for a time step after the last one accepted (RFC 6238
 * §5.2), so a code seen over a shoulder or replayed within its window is refused.
 */
export function isFreshStep(step: number, lastUsedStep: number | null): boolean {
  return lastUsedStep === null || step > lastUsedStep;
}
