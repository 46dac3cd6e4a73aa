import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../../db/schema";

type Db = Kysely<Database> | Transaction<Database>;

export function findTotp(db: Db, userId: string) {
  return db.selectFrom("totp_factors").selectAll().where("user_id", "=", userId).executeTakeFirst();
}

/** A new secret waiting for its first code; replaces one that was never confirmed. */
export async function putPendingTotp(db: Db, userId: string, secret: string, now: Date) {
  await db
    .deleteFrom("totp_factors")
    .where("user_id", "=", userId)
    .where("confirmed_at", "is", null)
    .execute();
  await db
    .insertInto("totp_factors")
    .values({ user_id: userId, shared_secret: secret, created_at: now.toISOString() })
    .execute();
}

/**
 * Takes the step of an accepted code, only if it is later than the last one taken: two requests
 * with the same code race here and exactly one wins (the replay is refused).
 */
export async function claimTotpStep(
  db: Db,
  userId: string,
  step: number,
  confirmAt: Date | null,
): Promise<boolean> {
  const result = await db
    .updateTable("totp_factors")
    .set({
      last_used_step: step,
      ...(confirmAt ? { confirmed_at: confirmAt.toISOString() } : {}),
    })
    .where("user_id", "=", userId)
    .where((eb) => eb.or([eb("last_used_step", "is", null), eb("last_used_step", "<", step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function replaceRecoveryCodes(
  db: Db,
  userId: string,
  codes: { id: string; hash: string }[],
  now: Date,
) {
  await db.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
  await db
    .insertInto("recovery_codes")
    .values(
      codes.map((code) => ({
        user_id: userId,
        id: code.id,
        code_hash: code.hash,
        created_at: now.toISOString(),
      })),
    )
    .execute();
}

export function findUnusedRecoveryCode(db: Db, userId: string, id: string) {
  return db
    .selectFrom("recovery_codes")
    .select(["id", "code_hash"])
    .where("user_id", "=", userId)
    .where("id", "=", id)
    .where("used_at", "is", null)
    .executeTakeFirst();
}

/** Uses a code up; false when another request used it first. */
export async function markRecoveryCodeUsed(db: Db, userId: string, id: string, now: Date) {
  const result = await db
    .updateTable("recovery_codes")
    .set({ used_at: now.toISOString() })
    .where("user_id", "=", userId)
    .where("id", "=", id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom("recovery_codes")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}
