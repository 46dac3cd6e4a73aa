import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import {
  formatRecoveryCode,
  normalizeRecoveryCode,
  RECOVERY_CODE_COUNT,
  RECOVERY_CODE_ID_LENGTH,
  recoveryCodeFromBytes,
} from "../../../../domain/second-factor";
import type { Database } from "../../../db/schema";
import { decoyPasswordHash, hashPassword, verifyPassword } from "../../../security/passwords";
import * as queries from "./queries";

/**
 * Recovery codes (ASVS 6.5.2): 60 random bits each, so they are stored like passwords, with
 * argon2id and a salt. The first group is kept in clear as the code's id, so checking a code
 * costs one hash, not ten. Each works once.
 */
export async function newRecoveryCodes(
  db: Kysely<Database>,
  userId: string,
  now: Date,
): Promise<string[]> {
  const codes = new Map<string, string>();
  while (codes.size < RECOVERY_CODE_COUNT) {
    const code = recoveryCodeFromBytes(randomBytes(12));
    codes.set(code.slice(0, RECOVERY_CODE_ID_LENGTH), code);
  }
  const stored = await Promise.all(
    [...codes].map(async ([id, code]) => ({ id, hash: await hashPassword(code) })),
  );
  await db.transaction().execute((trx) => queries.replaceRecoveryCodes(trx, userId, stored, now));
  return [...codes.values()].map(formatRecoveryCode);
}

/** Uses up the code if it is one of the person's unused ones; false otherwise. */
export async function spendRecoveryCode(
  db: Kysely<Database>,
  userId: string,
  typed: string,
  now: Date,
): Promise<boolean> {
  const code = normalizeRecoveryCode(typed);
  if (!code) return false;
  const found = await queries.findUnusedRecoveryCode(
    db,
    userId,
    code.slice(0, RECOVERY_CODE_ID_LENGTH),
  );
  // An unknown id costs a hash too, so timing does not tell which first groups exist.
  const matches = await verifyPassword(found?.code_hash ?? (await decoyPasswordHash()), code);
  if (!found || !matches) return false;
  return queries.markRecoveryCodeUsed(db, userId, found.id, now);
}
