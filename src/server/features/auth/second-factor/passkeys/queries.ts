import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../../../db/schema";
import type { PasskeyTable } from "../../../../db/tables/passkeys";

type Db = Kysely<Database> | Transaction<Database>;

export type Purpose = "registration" | "authentication" | "unlock";

export function listPasskeys(db: Db, userId: string) {
  return db
    .selectFrom("passkeys")
    .selectAll()
    .where("user_id", "=", userId)
    .orderBy("created_at")
    .execute();
}

export async function countPasskeys(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom("passkeys")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

export function findPasskey(db: Db, userId: string, id: string) {
  return db
    .selectFrom("passkeys")
    .selectAll()
    .where("user_id", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The person's passkey with this credential id; another person's is never found. */
export function findPasskeyByCredential(db: Db, userId: string, credentialId: string) {
  return db
    .selectFrom("passkeys")
    .selectAll()
    .where("user_id", "=", userId)
    .where("credential_id", "=", credentialId)
    .executeTakeFirst();
}

export async function credentialExists(db: Db, credentialId: string): Promise<boolean> {
  const row = await db
    .selectFrom("passkeys")
    .select("id")
    .where("credential_id", "=", credentialId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertPasskey(db: Db, passkey: PasskeyTable) {
  await db.insertInto("passkeys").values(passkey).execute();
}

export async function deletePasskey(db: Db, userId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom("passkeys")
    .where("user_id", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Moves the counter on from the value the answer was checked against: two answers checked
 * against the same value race here and one wins.
 */
export async function claimSignCount(
  db: Db,
  passkey: { user_id: string; id: string; sign_count: number },
  signCount: number,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("passkeys")
    .set({ sign_count: signCount, last_used_at: now.toISOString() })
    .where("user_id", "=", passkey.user_id)
    .where("id", "=", passkey.id)
    .where("sign_count", "=", passkey.sign_count)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The last factor went: no session of the person counts as having given one any more. */
export async function forgetSecondFactorOfSessions(db: Db, userId: string) {
  await db
    .updateTable("sessions")
    .set({ second_factor_verified_at: null })
    .where("user_id", "=", userId)
    .where("second_factor_verified_at", "is not", null)
    .execute();
}

/** A new challenge for the session's ceremony, replacing one it was given before. */
export async function putChallenge(
  db: Db,
  challenge: {
    sessionId: string;
    userId: string;
    purpose: Purpose;
    challenge: string;
    expiresAt: Date;
  },
  now: Date,
) {
  // Challenges nobody answered are dropped here rather than by a timer.
  await db.deleteFrom("webauthn_challenges").where("expires_at", "<", now.toISOString()).execute();
  await db
    .deleteFrom("webauthn_challenges")
    .where("session_id", "=", challenge.sessionId)
    .where("purpose", "=", challenge.purpose)
    .execute();
  await db
    .insertInto("webauthn_challenges")
    .values({
      session_id: challenge.sessionId,
      purpose: challenge.purpose,
      user_id: challenge.userId,
      challenge: challenge.challenge,
      expires_at: challenge.expiresAt.toISOString(),
    })
    .execute();
}

/**
 * Takes the session's challenge if the answer carries it and it is still alive: it is deleted
 * here, so it answers once, whichever process the answer reaches. False otherwise.
 */
export async function takeChallenge(
  db: Db,
  sessionId: string,
  purpose: Purpose,
  challenge: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .deleteFrom("webauthn_challenges")
    .where("session_id", "=", sessionId)
    .where("purpose", "=", purpose)
    .where("challenge", "=", challenge)
    .where("expires_at", ">", now.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
