import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { isSealed, type SecretBox } from "../../../security/secret-box";

/**
 * TOTP seeds at rest: sealed with the installation's secrets key (security/secret-box.ts),
 * bound to the person's row, so the database alone does not let anyone compute their codes.
 * Seeds stored in clear before sealing existed are sealed at start and, failing that, the
 * first time they are used (a migration cannot: the key is not in the database); seeds sealed
 * with a previous key are sealed again with the current one at start.
 */
const contextFor = (userId: string) => `totp_factors.shared_secret:${userId}`;

export function sealTotpSecret(secrets: SecretBox, userId: string, secret: string): string {
  return secrets.seal(contextFor(userId), secret);
}

/** The seed to check a code with; a clear one is sealed on the way. */
export async function readTotpSecret(
  db: Kysely<Database>,
  secrets: SecretBox,
  factor: { user_id: string; shared_secret: string },
): Promise<string> {
  if (isSealed(factor.shared_secret)) {
    return secrets.open(contextFor(factor.user_id), factor.shared_secret);
  }
  await sealInPlace(db, secrets, factor.user_id, factor.shared_secret);
  return factor.shared_secret;
}

/**
 * Run as a process starts: seals every seed still in clear, and seals again with the current
 * key every seed sealed with a previous one (a key change). Returns how many it changed.
 */
export async function sealTotpSecretsWithCurrentKey(
  db: Kysely<Database>,
  secrets: SecretBox,
): Promise<number> {
  const rows = await db.selectFrom("totp_factors").select(["user_id", "shared_secret"]).execute();
  let changed = 0;
  for (const row of rows) {
    const next = isSealed(row.shared_secret)
      ? secrets.reseal(contextFor(row.user_id), row.shared_secret)
      : sealTotpSecret(secrets, row.user_id, row.shared_secret);
    if (next !== null && (await replaceIfUnchanged(db, row.user_id, row.shared_secret, next))) {
      changed += 1;
    }
  }
  return changed;
}

async function sealInPlace(
  db: Kysely<Database>,
  secrets: SecretBox,
  userId: string,
  clear: string,
): Promise<boolean> {
  return replaceIfUnchanged(db, userId, clear, sealTotpSecret(secrets, userId, clear));
}

/** Only if the row still holds what was read: another process may have changed it first. */
async function replaceIfUnchanged(
  db: Kysely<Database>,
  userId: string,
  before: string,
  after: string,
): Promise<boolean> {
  const result = await db
    .updateTable("totp_factors")
    .set({ shared_secret: after })
    .where("user_id", "=", userId)
    .where("shared_secret", "=", before)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
