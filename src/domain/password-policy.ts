/**
 * NIST SP 800-63B-4 password rules: length only, no composition rules, no truncation.
 * Length is counted in Unicode code points after NFC normalisation, as the standard asks.
 */
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem = "too_short" | "too_long" | "common";

export function normalizePassword(password: string): string {
  return password.normalize("NFC");
}

export function passwordLength(password: string): number {
  return [...normalizePassword(password)].length;
}

/**
 * Returns the first problem with a proposed password, or null when it is acceptable.
 * `isCommon` looks the password up in the bundled list of common and breached passwords.
 */
export function checkNewPassword(
  password: string,
  isCommon: (password: string) => boolean,
): PasswordProblem | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return "too_short";
  if (length > PASSWORD_MAX_LENGTH) return "too_long";
  if (isCommon(normalizePassword(password))) return "common";
  return null;
}
