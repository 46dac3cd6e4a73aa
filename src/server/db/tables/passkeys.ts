/**
 * Passkeys (migration 0027_passkeys). Nothing here is secret: a passkey's private key never
 * leaves the person's device, and the server keeps only its public key.
 */

/** One passkey of a person: the authenticator's credential and what the person called it. */
export interface PasskeyTable {
  user_id: string;
  /** Waymark's own id for the passkey (a UUID), so URLs never carry the credential id. */
  id: string;
  /** The authenticator's credential id, base64url. Unique across all people. */
  credential_id: string;
  /** The COSE public key, base64url. */
  public_key: string;
  /** The signature counter last seen; an answer that does not go past it is refused. */
  sign_count: number;
  /** JSON array of the transports the browser reported ("internal", "usb", "hybrid", …). */
  transports: string;
  name: string;
  /** 1 when the authenticator said the passkey is synced (backed up), e.g. in a phone's keychain. */
  backed_up: number;
  created_at: string;
  last_used_at: string | null;
}

/**
 * The challenge a session was last given for a ceremony ("registration" or "authentication"):
 * one per session and purpose, taken (deleted) by the answer that uses it, dead after
 * `expires_at`.
 */
export interface WebauthnChallengeTable {
  session_id: string;
  purpose: string;
  user_id: string;
  challenge: string;
  expires_at: string;
}
