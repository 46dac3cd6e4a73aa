/**
 * Second factor and account recovery (migration 0026_second_factor). Keyed by user id first.
 * Secrets that are only checked (recovery codes, reset link tokens) are stored as hashes; the
 * TOTP secret must be readable to check a code, so it is never sent back after enrolment.
 */

/** A person's authenticator app. Not in use until `confirmed_at` (a first code was given). */
export interface TotpFactorTable {
  user_id: string;
  /** Base32, as shown once at enrolment. Named `*_secret` so the data export leaves it out. */
  shared_secret: string;
  created_at: string;
  confirmed_at: string | null;
  /** The 30-second step of the last code accepted; a code of this step or earlier is refused. */
  last_used_step: number | null;
}

/** One-time recovery codes, argon2id-hashed; `id` is the code's public first group. */
export interface RecoveryCodeTable {
  user_id: string;
  id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

/** A reset link an admin gave someone; single use and short-lived. */
export interface PasswordResetLinkTable {
  token_hash: string;
  user_id: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  /** 1 when the admin also cleared the person's second factor (a lost phone). */
  remove_second_factor: number;
  used_at: string | null;
}
