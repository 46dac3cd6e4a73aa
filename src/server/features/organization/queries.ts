import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";

type Db = Kysely<Database> | Transaction<Database>;

export function findOrganization(db: Db, organizationId: string) {
  return db
    .selectFrom("organizations")
    .select(["id", "name"])
    .where("id", "=", organizationId)
    .executeTakeFirst();
}

/** Everyone holding a role other than "member" here, one row per role. */
export function listStaffRoles(db: Db, organizationId: string) {
  return db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["users.id", "users.display_name", "users.email", "memberships.role"])
    .where("memberships.organization_id", "=", organizationId)
    .where("memberships.role", "!=", "member")
    .orderBy("users.email")
    .orderBy("memberships.role")
    .execute();
}

export async function rolesIn(db: Db, organizationId: string, userId: string) {
  const rows = await db
    .selectFrom("memberships")
    .select("role")
    .where("organization_id", "=", organizationId)
    .where("user_id", "=", userId)
    .execute();
  return rows.map((row) => row.role);
}

export function findPerson(db: Db, userId: string) {
  return db
    .selectFrom("users")
    .select(["id", "display_name", "email"])
    .where("id", "=", userId)
    .executeTakeFirst();
}

/** Takes away every role but "member": a person who is also cared for here keeps that. */
export async function deleteStaffRoles(db: Db, organizationId: string, userId: string) {
  await db
    .deleteFrom("memberships")
    .where("organization_id", "=", organizationId)
    .where("user_id", "=", userId)
    .where("role", "!=", "member")
    .execute();
}

export async function countAdmins(db: Db, organizationId: string) {
  const row = await db
    .selectFrom("memberships")
    .select((eb) => eb.fn.countAll<string | number>().as("count"))
    .where("organization_id", "=", organizationId)
    .where("role", "=", "admin")
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Live grants to this person from people of the organization, except from members who still
 * share another organization with them where they hold a staff role: there the grant may be
 * for that other place's care, so it is not ours to end.
 */
export function liveGrantsFromOrganization(db: Db, organizationId: string, granteeId: string) {
  return db
    .selectFrom("consent_grants")
    .select(["consent_grants.member_id", "consent_grants.id"])
    .where("consent_grants.grantee_user_id", "=", granteeId)
    .where("consent_grants.revoked_at", "is", null)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("memberships")
          .select("memberships.user_id")
          .whereRef("memberships.user_id", "=", "consent_grants.member_id")
          .where("memberships.organization_id", "=", organizationId),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("memberships as theirs")
            .innerJoin("memberships as staff", "staff.organization_id", "theirs.organization_id")
            .select("theirs.user_id")
            .whereRef("theirs.user_id", "=", "consent_grants.member_id")
            .where("staff.user_id", "=", granteeId)
            .where("staff.role", "!=", "member"),
        ),
      ),
    )
    .execute();
}

export async function revokeGrant(db: Db, memberId: string, grantId: string, now: Date) {
  await db
    .updateTable("consent_grants")
    .set({ revoked_at: now.toISOString() })
    .where("member_id", "=", memberId)
    .where("id", "=", grantId)
    .where("revoked_at", "is", null)
    .execute();
}

/** Everyone with a live session who belongs to the organization in any role. */
export async function peopleWithSessions(db: Db, organizationId: string, now: Date) {
  const rows = await db
    .selectFrom("sessions")
    .innerJoin("memberships", "memberships.user_id", "sessions.user_id")
    .select("sessions.user_id")
    .distinct()
    .where("memberships.organization_id", "=", organizationId)
    .where("sessions.revoked_at", "is", null)
    .where("sessions.absolute_expires_at", ">", now.toISOString())
    .execute();
  return rows.map((row) => row.user_id);
}
