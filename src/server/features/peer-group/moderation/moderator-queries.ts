import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../../db/schema";

type Db = Kysely<Database> | Transaction<Database>;

/** Someone who already belongs to the organization, in any role, found by email. */
export function findPersonInOrganization(db: Db, organizationId: string, email: string) {
  return db
    .selectFrom("users")
    .innerJoin("memberships", "memberships.user_id", "users.id")
    .select(["users.id", "users.display_name", "users.email"])
    .where("memberships.organization_id", "=", organizationId)
    .where("users.email", "=", email)
    .executeTakeFirst();
}

export function listModerators(db: Db, organizationId: string) {
  return db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["users.id", "users.display_name", "users.email"])
    .where("memberships.organization_id", "=", organizationId)
    .where("memberships.role", "=", "moderator")
    .orderBy("users.email")
    .execute();
}

export async function addModerator(db: Db, organizationId: string, userId: string, now: Date) {
  await db
    .insertInto("memberships")
    .values({
      organization_id: organizationId,
      user_id: userId,
      role: "moderator",
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** True when there was a moderator role to remove. */
export async function removeModerator(db: Db, organizationId: string, userId: string) {
  const result = await db
    .deleteFrom("memberships")
    .where("organization_id", "=", organizationId)
    .where("user_id", "=", userId)
    .where("role", "=", "moderator")
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
