/**
 * Passkeys (WebAuthn) as a second factor: the pure rules (ASVS 5.0 V6.5, V6.6). Which answer
 * counts as newer, how long a challenge lives, what a passkey may be called, and when removing
 * one leaves the person with no second factor at all. No I/O.
 */

/** A challenge is good for one answer, within this time (the browser's prompt times out then too). */
export const PASSKEY_CHALLENGE_SECONDS = 5 * 60;

/** Enough for a phone, a laptop and a few security keys; a limit so a row count stays small. */
export const MAX_PASSKEYS = 10;

export const PASSKEY_NAME_MAX_LENGTH = 60;

/** The name a person gives a passkey, tidied: spaces collapsed, at most 60 characters. */
export function normalizePasskeyName(typed: string): string | null {
  const name = typed.replace(/\s+/g, " ").trim().slice(0, PASSKEY_NAME_MAX_LENGTH).trim();
  return name.length > 0 ? name : null;
}

/**
 * The signature counter (WebAuthn §6.1.1): an authenticator that keeps one sends a larger
 * number each time. An answer that does not go past the stored one may come from a cloned
 * key and is refused. Authenticators that keep no counter (most synced passkeys) always send
 * 0, and then there is nothing to compare.
 */
export function isFreshSignCount(received: number, stored: number): boolean {
  if (received === 0 && stored === 0) return true;
  return received > stored;
}

/** What the person has now, to judge a removal. */
export interface SecondFactors {
  totp: boolean;
  passkeys: number;
}

/** Removing one passkey leaves no second factor at all: sign-in will ask only for a password,
 * and staff lose the records people share with them until they add another. */
export function isLastSecondFactor(factors: SecondFactors): boolean {
  return !factors.totp && factors.passkeys <= 1;
}

/** The person has a second factor in use. */
export function hasAnySecondFactor(factors: SecondFactors): boolean {
  return factors.totp || factors.passkeys > 0;
}

/**
 * The origin browsers will report and the relying party id passkeys are bound to. From the
 * configured public address when there is one (a clinic behind a proxy); otherwise the
 * address the request came to (one person on their own machine). Default ports drop out, as
 * browsers drop them from an origin.
 */
export function relyingPartyOf(publicUrl: string | null, requestOrigin: string): RelyingParty {
  const url = new URL(publicUrl ?? requestOrigin);
  return { rpID: url.hostname, origin: url.origin };
}

export interface RelyingParty {
  rpID: string;
  origin: string;
}
