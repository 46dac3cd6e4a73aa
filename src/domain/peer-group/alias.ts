/**
 * Aliases in the peer group: the only name other members ever see. An alias must not be a way
 * to find the person, so it may not be (or contain) an email address or a phone number, and
 * it is unique within the organization's group, compared case- and accent-insensitively so
 * "Sunrise" and "sunrise" cannot pose as each other.
 */
export const ALIAS_MIN_LENGTH = 3;
export const ALIAS_MAX_LENGTH = 24;

export type AliasProblem = "too_short" | "too_long" | "characters" | "email" | "phone";

export type AliasCheck =
  | { ok: true; alias: string; key: string }
  | { ok: false; problem: AliasProblem };

// Letters and digits in any script, joined by single spaces, hyphens, dots or underscores.
const ALLOWED = /^[\p{L}\p{N}](?:[\p{L}\p{N}]|[ ._-](?=[\p{L}\p{N}]))*$/u;
// Anything that reads as user@host, even with spaces or " at " around it.
const EMAIL_LIKE =
  /[\p{L}\p{N}._%+-]+\s*(?:@|＠|\(at\)|\[at\])\s*[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*/iu;
const SEVEN_DIGITS = /(?:\d[\s._-]*){7,}/;

/** Collapses runs of spaces and trims; NFKC folds look-alike width and compatibility forms. */
export function normalizeAlias(raw: string): string {
  return raw.normalize("NFKC").trim().replace(/\s+/g, " ");
}

/** The key uniqueness is checked on: lower case, accents removed. */
export function aliasKey(alias: string): string {
  return normalizeAlias(alias).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

export function checkAlias(raw: string): AliasCheck {
  const alias = normalizeAlias(raw);
  // The email check runs on the raw text too, before "@" fails the character rule, so the
  // person is told why (an email is never an alias) rather than only "letters and digits".
  if (EMAIL_LIKE.test(alias) || alias.includes("@") || alias.includes("＠")) {
    return { ok: false, problem: "email" };
  }
  if (SEVEN_DIGITS.test(alias)) return { ok: false, problem: "phone" };
  const length = [...alias].length;
  if (length < ALIAS_MIN_LENGTH) return { ok: false, problem: "too_short" };
  if (length > ALIAS_MAX_LENGTH) return { ok: false, problem: "too_long" };
  if (!ALLOWED.test(alias)) return { ok: false, problem: "characters" };
  return { ok: true, alias, key: aliasKey(alias) };
}
