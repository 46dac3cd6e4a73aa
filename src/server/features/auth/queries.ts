import type { Kysely, Transaction } from "kysely";
import type { Role } from "../../../domain/roles";
import type { Database } from "../../db/schema";
import { endSessions } from "../../security/session";

type Db = Kysely<Database> | Transaction<Database>;

export function findUserByEmail(db: Db, email: string) {
  return db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
}

export function findUserById(db: Db, id: string) {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertUserWithRole(
  db: Db,
  user: {
    id: string;
    email: string;
    passwordHash: string;
    displayName: string | null;
    timeZone: string;
    locale: string;
  },
  organizationId: string,
  role: Role,
  now: Date,
): Promise<void> {
  await db
    .insertInto("users")
    .values({
      id: user.id,
      email: user.email,
      password_hash: user.passwordHash,
      display_name: user.displayName,
      time_zone: user.timeZone,
      locale: user.locale,
      created_at: now.toISOString(),
    })
    .execute();
  await addMembership(db, organizationId, user.id, role, now);
}

export async function addMembership(
  db: Db,
  organizationId: string,
  userId: string,
  role: Role,
  now: Date,
): Promise<void> {
  await db
    .insertInto("memberships")
    .values({
      organization_id: organizationId,
      user_id: userId,
      role,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function findMe(db: Db, userId: string) {
  const user = await db
    .selectFrom("users")
    .select(["id", "email", "display_name", "time_zone", "locale"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user) return null;
  const memberships = await db
    .selectFrom("memberships")
    .innerJoin("organizations", "organizations.id", "memberships.organization_id")
    .select(["memberships.organization_id", "organizations.name", "memberships.role"])
    .where("memberships.user_id", "=", userId)
    .orderBy("organizations.name")
    .execute();
  return { user, memberships };
}

export function rolesOf(db: Db, userId: string) {
  return db.selectFrom("memberships").select("role").where("user_id", "=", userId).execute();
}

export function findFailures(db: Db, email: string) {
  return db.selectFrom("auth_failures").selectAll().where("email", "=", email).executeTakeFirst();
}

export async function recordFailure(db: Db, email: string, now: Date): Promise<void> {
  await db
    .insertInto("auth_failures")
    .values({ email, consecutive_failures: 1, last_failure_at: now.toISOString() })
    .onConflict((oc) =>
      oc.column("email").doUpdateSet((eb) => ({
        consecutive_failures: eb("auth_failures.consecutive_failures", "+", 1),
        last_failure_at: now.toISOString(),
      })),
    )
    .execute();
}

export async function clearFailures(db: Db, email: string): Promise<void> {
  await db.deleteFrom("auth_failures").where("email", "=", email).execute();
}

export function listSessions(db: Db, userId: string) {
  return db
    .selectFrom("sessions")
    .select([
      "id",
      "created_at",
      "last_seen_at",
      "idle_timeout_seconds",
      "absolute_expires_at",
      "user_agent",
    ])
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .orderBy("last_seen_at", "desc")
    .execute();
}

/** Ends one of the person's own sessions; returns whether there was one to end. */
export async function revokeSession(
  db: Db,
  userId: string,
  sessionId: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("sessions")
    .set({ revoked_at: now.toISOString() })
    .where("id", "=", sessionId)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A changed password: every other session of the account ends with it. */
export async function setPasswordEndingOtherSessions(
  db: Db,
  userId: string,
  keepSessionId: string,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable("users")
    .set({ password_hash: passwordHash })
    .where("id", "=", userId)
    .execute();
  await endSessions(db, userId, now, keepSessionId);
}
