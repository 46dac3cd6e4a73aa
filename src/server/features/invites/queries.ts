import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";

type Db = Kysely<Database> | Transaction<Database>;

export async function insertInvite(
  db: Db,
  invite: {
    tokenHash: string;
    organizationId: string;
    role: string;
    email: string | null;
    createdBy: string;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto("invites")
    .values({
      token_hash: invite.tokenHash,
      organization_id: invite.organizationId,
      role: invite.role,
      email: invite.email,
      created_by: invite.createdBy,
      created_at: invite.createdAt.toISOString(),
      expires_at: invite.expiresAt.toISOString(),
      used_at: null,
      used_by: null,
    })
    .execute();
}

export function findInvite(db: Db, tokenHash: string) {
  return db
    .selectFrom("invites")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
}

/** Marks an invite used; false when someone else used it first (single use). */
export async function markInviteUsed(
  db: Db,
  tokenHash: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("invites")
    .set({ used_at: now.toISOString(), used_by: userId })
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
