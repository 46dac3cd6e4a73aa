import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { isSealed, type SecretBox } from "../../../security/secret-box";

/**
 * TOTP seeds at rest: sealed with the installation's secrets key (security/secret-box.ts),
 * bound to the person's row, so the database alone does not let anyone compute their codes.
 * Seeds stored in clear before sealing existed are sealed at start and, failing that, the
 * first time they are used (a migration cannot: the key is not in the database).
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

/** Seals every seed still in clear; run as a process starts. Returns how many it sealed. */
export async function sealClearTotpSecrets(
  db: Kysely<Database>,
  secrets: SecretBox,
): Promise<number> {
  const rows = await db
    .selectFrom("totp_factors")
    .select(["user_id", "shared_secret"])
    .where("shared_secret", "not like", "wm1:%")
    .execute();
  let sealed = 0;
  for (const row of rows) {
    if (await sealInPlace(db, secrets, row.user_id, row.shared_secret)) sealed += 1;
  }
  return sealed;
}

/** Only if the row still holds that clear value: another process may have sealed it first. */
async function sealInPlace(
  db: Kysely<Database>,
  secrets: SecretBox,
  userId: string,
  clear: string,
): Promise<boolean> {
  const result = await db
    .updateTable("totp_factors")
    .set({ shared_secret: sealTotpSecret(secrets, userId, clear) })
    .where("user_id", "=", userId)
    .where("shared_secret", "=", clear)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
