// Moderators of the peer group: an admin of the organization grants the role to someone who
// already belongs to it (a member, a peer specialist), or takes it back; both are audited.
import type { Kysely } from "kysely";
import type { GrantModeratorRequest, PeerModerator } from "../../../../domain/api/peer-group";
import type { Database } from "../../../db/schema";
import { notFound } from "../../../errors";
import { appendAuditEvent } from "../../../security/audit";
import { adminOrganization } from "../../../security/organization-roles";
import type { Actor } from "../../../security/session";
import * as queries from "./moderator-queries";

export async function listModerators(
  db: Kysely<Database>,
  actor: Actor,
): Promise<{ moderators: PeerModerator[] }> {
  const organizationId = adminOrganization(actor);
  const rows = await queries.listModerators(db, organizationId);
  return { moderators: rows.map(moderatorView) };
}

export async function grantModerator(
  db: Kysely<Database>,
  actor: Actor,
  body: GrantModeratorRequest,
  now = new Date(),
): Promise<PeerModerator> {
  const organizationId = adminOrganization(actor, body.organizationId);
  const person = await queries.findPersonInOrganization(
    db,
    organizationId,
    body.email.trim().toLowerCase(),
  );
  // The same answer whether the account is unknown or belongs elsewhere: an admin learns
  // nothing about other organizations' people.
  if (!person) throw notFound("Nobody in your organization with that email");
  await db.transaction().execute(async (trx) => {
    await queries.addModerator(trx, organizationId, person.id, now);
    await appendAuditEvent(
      trx,
      {
        actorId: actor.userId,
        memberId: person.id,
        action: "grant:moderator",
        resource: "peer group moderator role",
        purpose: null,
        outcome: "allowed",
      },
      now,
    );
  });
  return moderatorView(person);
}

export async function revokeModerator(
  db: Kysely<Database>,
  actor: Actor,
  userId: string,
  now = new Date(),
): Promise<{ ok: true }> {
  const organizationId = adminOrganization(actor);
  await db.transaction().execute(async (trx) => {
    if (!(await queries.removeModerator(trx, organizationId, userId))) {
      throw notFound("That moderator");
    }
    await appendAuditEvent(
      trx,
      {
        actorId: actor.userId,
        memberId: userId,
        action: "revoke:moderator",
        resource: "peer group moderator role",
        purpose: null,
        outcome: "allowed",
      },
      now,
    );
  });
  return { ok: true };
}

function moderatorView(row: { id: string; display_name: string | null; email: string }) {
  return { id: row.id, displayName: row.display_name, email: row.email };
}
