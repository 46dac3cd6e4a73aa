import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../../db/schema";
import { endSessions } from "../../../security/session";

type Db = Kysely<Database> | Transaction<Database>;

/** The account with this email if it belongs to one of these organizations. */
export function findAccountIn(db: Db, email: string, organizationIds: string[]) {
  return db
    .selectFrom("users")
    .innerJoin("memberships", "memberships.user_id", "users.id")
    .select(["users.id", "users.email"])
    .where("users.email", "=", email)
    .where("memberships.organization_id", "in", organizationIds)
    .executeTakeFirst();
}

export async function insertResetLink(
  db: Db,
  link: {
    tokenHash: string;
    userId: string;
    createdBy: string;
    createdAt: Date;
    expiresAt: Date;
    removeSecondFactor: boolean;
  },
) {
  await db
    .insertInto("password_reset_links")
    .values({
      token_hash: link.tokenHash,
      user_id: link.userId,
      created_by: link.createdBy,
      created_at: link.createdAt.toISOString(),
      expires_at: link.expiresAt.toISOString(),
      remove_second_factor: link.removeSecondFactor ? 1 : 0,
    })
    .execute();
}

/** Uses the link up if it is live; the row it used, or undefined (unknown, used or expired). */
export async function spendResetLink(db: Db, tokenHash: string, now: Date) {
  const result = await db
    .updateTable("password_reset_links")
    .set({ used_at: now.toISOString() })
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return undefined;
  return db
    .selectFrom("password_reset_links")
    .innerJoin("users", "users.id", "password_reset_links.user_id")
    .select(["users.id as userId", "users.email", "password_reset_links.remove_second_factor"])
    .where("password_reset_links.token_hash", "=", tokenHash)
    .executeTakeFirstOrThrow();
}

/** The new password, every session ended, the throttle and lock cleared. */
export async function setPasswordEndingSessions(
  db: Db,
  user: { id: string; email: string },
  passwordHash: string,
  now: Date,
) {
  await db
    .updateTable("users")
    .set({ password_hash: passwordHash })
    .where("id", "=", user.id)
    .execute();
  await endSessions(db, user.id, now);
  await db
    .deleteFrom("auth_failures")
    .where("email", "in", [user.email, `second-factor:${user.id}`])
    .execute();
}

export async function removeSecondFactor(db: Db, userId: string) {
  await db.deleteFrom("totp_factors").where("user_id", "=", userId).execute();
  await db.deleteFrom("passkeys").where("user_id", "=", userId).execute();
  await db.deleteFrom("webauthn_challenges").where("user_id", "=", userId).execute();
  await db.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
}
