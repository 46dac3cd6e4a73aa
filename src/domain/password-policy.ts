/**
 * NIST SP 800-63B-4 password rules: length only, no composition rules, no truncation.
 * Length is counted in Unicode code points after NFC normalisation, as the standard asks.
 */
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem = "too_short" | "too_long" | "common" | "context";

export function normalizePassword(password: string): string {
  return password.normalize("NFC");
}

export function passwordLength(password: string): number {
  return [...normalizePassword(password)].length;
}

/**
 * Context-specific words (NIST SP 800-63B-4 §3.1.1.2, ASVS 6.1.2/6.2.11): what anyone would
 * try first against this account — the app's name, and the person's own email and name.
 */
export const SERVICE_WORDS = ["waymark"];

/** Less than this left once the context words are taken out: the password is mostly them. */
const CONTEXT_REMAINDER_MIN = 8;
const CONTEXT_WORD_MIN = 3;

export function contextWordsFor(person: { email: string; displayName?: string | null }): string[] {
  const [local = "", domain = ""] = person.email.toLowerCase().split("@");
  const domainLabels = domain.split(".").slice(0, -1);
  const nameWords = (person.displayName ?? "").split(/\s+/);
  return [
    ...SERVICE_WORDS,
    local,
    ...local.split(/[^\p{L}\p{N}]+/u),
    ...domainLabels,
    ...nameWords,
  ];
}

/** Letters and digits only, lower case: "Way-Mark 2025!" and "waymark2025" are the same guess. */
function compact(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

export function isMostlyContextWords(password: string, contextWords: readonly string[]): boolean {
  let rest = compact(password);
  let removedAny = false;
  const words = contextWords
    .map(compact)
    .filter((word) => [...word].length >= CONTEXT_WORD_MIN)
    .sort((a, b) => b.length - a.length);
  for (const word of words) {
    if (!rest.includes(word)) continue;
    rest = rest.replaceAll(word, "");
    removedAny = true;
  }
  return removedAny && [...rest].length < CONTEXT_REMAINDER_MIN;
}

/**
 * Returns the first problem with a proposed password, or null when it is acceptable.
 * `isCommon` looks the password up in the bundled list of common and breached passwords;
 * `contextWords` are the person's own (contextWordsFor), the app's name at least.
 */
export function checkNewPassword(
  password: string,
  isCommon: (password: string) => boolean,
  contextWords: readonly string[] = SERVICE_WORDS,
): PasswordProblem | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return "too_short";
  if (length > PASSWORD_MAX_LENGTH) return "too_long";
  if (isCommon(normalizePassword(password))) return "common";
  if (isMostlyContextWords(password, contextWords)) return "context";
  return null;
}
