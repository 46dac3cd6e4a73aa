// An organization's staff as its admin sees them, and taking someone off it (ASVS 7.4.2): their
// sessions end at once, and what the organization's members shared with them ends too. In an
// emergency (a leaked database, a stolen laptop) the admin signs everyone out at once (7.4.5).
import type { Kysely } from "kysely";
import type {
  EndOrganizationSessionsBody,
  OrganizationSessionsEnded,
  StaffList,
  StaffMemberParams,
  StaffRemoval,
} from "../../../domain/api/organization";
import type { Role } from "../../../domain/roles";
import type { Database } from "../../db/schema";
import { AppError } from "../../errors";
import { appendAuditEvent } from "../../security/audit";
import { assertAdminOf } from "../../security/organization-roles";
import { assertSecondFactorForOthersData } from "../../security/second-factor";
import { type Actor, endSessions } from "../../security/session";
import { confirmPassword } from "../auth/service";
import * as queries from "./queries";

/** Only an admin of this organization, with their second factor given, manages its staff. */
function assertManagesStaff(actor: Actor, organizationId: string): void {
  assertAdminOf(actor, organizationId);
  assertSecondFactorForOthersData(actor);
}

export async function listStaff(
  db: Kysely<Database>,
  actor: Actor,
  organizationId: string,
): Promise<StaffList> {
  assertManagesStaff(actor, organizationId);
  const [organization, rows] = await Promise.all([
    queries.findOrganization(db, organizationId),
    queries.listStaffRoles(db, organizationId),
  ]);
  if (!organization) throw new AppError("not_found", 404, "That organization was not found.");
  const staff = new Map<string, StaffList["staff"][number]>();
  for (const row of rows) {
    const person = staff.get(row.id) ?? {
      id: row.id,
      displayName: row.display_name,
      email: row.email,
      roles: [],
    };
    person.roles.push(row.role as Role);
    staff.set(row.id, person);
  }
  return { organization, staff: [...staff.values()] };
}

/**
 * Takes every staff role the person holds here, ends all their sessions (their next request is
 * a 401), and ends the grants this organization's members gave them. Audited in their log and
 * in each member's whose sharing ended.
 */
export async function removeFromOrganization(
  db: Kysely<Database>,
  actor: Actor,
  { organizationId, personId }: StaffMemberParams,
  now = new Date(),
): Promise<StaffRemoval> {
  assertManagesStaff(actor, organizationId);
  const roles = await queries.rolesIn(db, organizationId, personId);
  // The same answer for an unknown id and for someone of another organization.
  if (roles.length === 0) {
    throw new AppError("not_in_organization", 404, "Nobody with that id is in this organization.");
  }
  const staffRoles = roles.filter((role) => role !== "member");
  if (staffRoles.length === 0) {
    throw new AppError(
      "not_staff",
      422,
      "This person is a member here, not staff: there is no staff role to take away.",
    );
  }
  const [organization, person] = await Promise.all([
    queries.findOrganization(db, organizationId),
    queries.findPerson(db, personId),
  ]);
  const name = person?.display_name ?? person?.email ?? "Someone";
  return db.transaction().execute(async (trx) => {
    // First, so the audit head's lock queues concurrent removals: two admins removing each
    // other at once cannot leave the organization with none.
    await appendAuditEvent(
      trx,
      {
        actorId: actor.userId,
        memberId: personId,
        action: "account:removed-from-organization",
        resource: `${organization?.name ?? "the organization"} (${staffRoles.join(", ")})`,
        purpose: null,
        outcome: "allowed",
      },
      now,
    );
    await queries.deleteStaffRoles(trx, organizationId, personId);
    if (staffRoles.includes("admin") && (await queries.countAdmins(trx, organizationId)) === 0) {
      throw new AppError(
        "last_admin",
        409,
        "This is the organization's only admin. Make someone else an admin first.",
      );
    }
    await endSessions(trx, personId, now);
    const grants = await queries.liveGrantsFromOrganization(trx, organizationId, personId);
    for (const grant of grants) {
      await queries.revokeGrant(trx, grant.member_id, grant.id, now);
      await appendAuditEvent(
        trx,
        {
          actorId: actor.userId,
          memberId: grant.member_id,
          action: "account:sharing-ended",
          resource: name,
          purpose: null,
          outcome: "allowed",
        },
        now,
      );
    }
    return { ok: true as const, sharingEnded: grants.length };
  });
}

/**
 * Signs every person of the organization out of every device, the admin's own other devices
 * included, keeping only the session that asks. Takes the admin's password (a session left open
 * must not be able to lock the whole clinic out); each person's log says who did it.
 */
export async function endOrganizationSessions(
  db: Kysely<Database>,
  actor: Actor,
  organizationId: string,
  body: EndOrganizationSessionsBody,
  now = new Date(),
): Promise<OrganizationSessionsEnded> {
  assertManagesStaff(actor, organizationId);
  await confirmPassword(db, actor.userId, body.password, now);
  const people = await queries.peopleWithSessions(db, organizationId, now);
  await db.transaction().execute(async (trx) => {
    for (const personId of people) {
      const keep = personId === actor.userId ? actor.sessionId : undefined;
      await endSessions(trx, personId, now, keep);
      await appendAuditEvent(
        trx,
        {
          actorId: actor.userId,
          memberId: personId,
          action: "account:sessions-ended",
          resource: "every signed-in device (everyone in the organization)",
          purpose: null,
          outcome: "allowed",
        },
        now,
      );
    }
  });
  return { people: people.length };
}
