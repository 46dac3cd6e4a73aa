import type { Kysely, Transaction } from "kysely";
import { type DataCategory, dataCategorySchema, grantAllows } from "../../domain/consent";
import type { Role } from "../../domain/roles";
import type { Database } from "../db/schema";
import { forbidden } from "../errors";
import { appendAuditEvent } from "./audit";
import { organizationsWhere } from "./organization-roles";
import { assertSecondFactorForOthersData } from "./second-factor";
import type { Actor } from "./session";

/**
 * The one door to a member's data. A member may always read and change their own data;
 * anyone else needs a live consent grant that names the category, and every such access,
 * allowed or refused, is written to the audit log before any data leaves the server.
 */
export interface MemberDataAccess {
  memberId: string;
  category: DataCategory;
  action: "read" | "write";
  /** What was looked at, in words a member can read: "profile", "check-ins 2026-11". */
  resource: string;
  /**
   * For data that belongs to the member and one other person (a message thread): only this
   * person may be let in by a grant. Another grantee of the same member is refused, whatever
   * their grant names.
   */
  grantee?: string;
}

export type AccessDecision =
  | { allowed: true; via: "self" }
  | { allowed: true; via: "grant"; grantId: string; purpose: string }
  | { allowed: false };

export async function decideAccess(
  db: Kysely<Database>,
  actor: Actor,
  access: MemberDataAccess,
  now = new Date(),
): Promise<AccessDecision> {
  if (actor.userId === access.memberId) return { allowed: true, via: "self" };
  // Staff whose session has not been given a second factor see nobody's data (ASVS 6.3.3).
  // Refused before any grant is read, so the answer is the same for every member id, and not
  // written to the member's log: a password alone is not yet anyone the member should see there.
  assertSecondFactorForOthersData(actor);
  // Nobody writes someone else's data in general; the few writes the care team may make
  // (a visit note, a COWS rating) go through authorizeGrantedWrite below.
  if (access.action === "write") return { allowed: false };
  if (access.grantee !== undefined && access.grantee !== actor.userId) return { allowed: false };
  const grants = await db
    .selectFrom("consent_grants")
    .select(["id", "grantee_user_id", "purpose", "categories", "expires_at", "revoked_at"])
    .where("member_id", "=", access.memberId)
    .where("grantee_user_id", "=", actor.userId)
    .execute();
  for (const grant of grants) {
    const view = {
      granteeUserId: grant.grantee_user_id,
      categories: parseCategories(grant.categories),
      expiresAt: grant.expires_at ? new Date(grant.expires_at) : null,
      revokedAt: grant.revoked_at ? new Date(grant.revoked_at) : null,
    };
    if (grantAllows(view, actor.userId, access.category, now)) {
      return { allowed: true, via: "grant", grantId: grant.id, purpose: grant.purpose };
    }
  }
  return { allowed: false };
}

/** The same check, in the positional form the features call it with. */
export function authorize(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  category: DataCategory,
  action: "read" | "write",
  resource: string,
  now: Date,
): Promise<void> {
  return authorizeMemberAccess(db, actor, { memberId, category, action, resource }, now);
}

/** Checks access and records it; throws 403 (after recording the refusal) when not allowed. */
export async function authorizeMemberAccess(
  db: Kysely<Database>,
  actor: Actor,
  access: MemberDataAccess,
  now = new Date(),
): Promise<void> {
  const decision = await decideAccess(db, actor, access, now);
  if (decision.allowed && decision.via === "self") return;
  await appendAuditEvent(
    db,
    {
      actorId: actor.userId,
      memberId: access.memberId,
      action: `${access.action}:${access.category}`,
      resource: access.resource,
      purpose: decision.allowed ? decision.purpose : null,
      outcome: decision.allowed ? "allowed" : "denied",
    },
    now,
  );
  if (!decision.allowed) {
    throw forbidden("This person has not shared that with you.");
  }
}

function parseCategories(stored: string): DataCategory[] {
  const parsed: unknown = JSON.parse(stored);
  const result = dataCategorySchema.array().safeParse(parsed);
  // A grant whose categories cannot be read grants nothing.
  return result.success ? result.data : [];
}

/**
 * For a view made of several categories (progress reads check-ins and use): all must be
 * allowed. Every decision is made before anything is recorded, so a refused view leaves only
 * the refusal, never "allowed" reads of data that was not shown; an allowed view is one read
 * in the member's log, naming what it showed ("progress: checkins, use"), like the summary.
 */
export async function authorizeMemberView(
  db: Kysely<Database>,
  actor: Actor,
  view: { memberId: string; name: string; categories: readonly DataCategory[] },
  now = new Date(),
): Promise<void> {
  if (actor.userId === view.memberId) return;
  const accesses = view.categories.map(
    (category): MemberDataAccess => ({
      memberId: view.memberId,
      category,
      action: "read",
      resource: view.name,
    }),
  );
  const decisions = await Promise.all(
    accesses.map((access) => decideAccess(db, actor, access, now)),
  );
  const refused = accesses.find((_, index) => !decisions[index]?.allowed);
  // Records the refusal and throws 403.
  if (refused) return authorizeMemberAccess(db, actor, refused, now);
  const grant = decisions.find((decision) => decision.allowed && decision.via === "grant");
  await appendAuditEvent(
    db,
    {
      actorId: actor.userId,
      memberId: view.memberId,
      action: `read:${view.name}`,
      resource: `${view.name}: ${view.categories.join(", ")}`,
      purpose: grant?.allowed && grant.via === "grant" ? grant.purpose : null,
      outcome: "allowed",
    },
    now,
  );
}

export interface GrantedWriteRequest {
  memberId: string;
  category: DataCategory;
  /** What is being written, in words a member can read: "visit note", "assessment cows". */
  resource: string;
  /** When given, only someone holding one of these roles in an organization the member
   * belongs to may write (a COWS is rated by a clinician or a trained supporter). */
  roles?: readonly Role[];
  /** False when this kind of write is never open to others (a self-report questionnaire):
   * refused, and audited, without looking at grants. */
  permitted?: boolean;
  /** Only this person may write under a grant (their own thread with the member). */
  grantee?: string;
}

export interface GrantedWrite {
  purpose: string;
  /** Appends the "allowed" write event; run it in the transaction that writes the data, so
   * the member's log and their record never disagree (and an idempotent retry logs nothing). */
  record(trx: Transaction<Database>): Promise<void>;
}

/**
 * A write by someone other than the member into the member's record — a visit note, an
 * observed withdrawal rating. The policy refuses every such write in general; these few are
 * allowed while a live grant names the category (checked as a read of it: the grant is the
 * member's word that this person may see and add to it). A refusal is audited here and throws
 * 403; the allowed write is audited by `record`, which the caller runs with its insert.
 */
export async function authorizeGrantedWrite(
  db: Kysely<Database>,
  actor: Actor,
  write: GrantedWriteRequest,
  now = new Date(),
): Promise<GrantedWrite> {
  const { memberId, category, resource } = write;
  const event = { actorId: actor.userId, memberId, action: `write:${category}`, resource };
  const decision =
    actor.userId !== memberId &&
    write.permitted !== false &&
    (await holdsRole(db, actor, memberId, write.roles))
      ? await decideAccess(
          db,
          actor,
          { memberId, category, action: "read", resource, grantee: write.grantee },
          now,
        )
      : ({ allowed: false } as const);
  if (decision.allowed && decision.via === "grant") {
    const { purpose } = decision;
    return {
      purpose,
      record: (trx) => appendAuditEvent(trx, { ...event, purpose, outcome: "allowed" }, now),
    };
  }
  // Callers may ask before the route validates its parameters; an id longer than any real
  // one names nobody and would not fit the log.
  if (memberId.length <= 64) {
    await appendAuditEvent(db, { ...event, purpose: null, outcome: "denied" }, now);
  }
  throw forbidden("This person has not shared that with you.");
}

/**
 * The people a live grant from this member names the category for, oldest grant first: the
 * member's own answer to "whom do I share this with" (the people they can message). Nothing
 * about the member leaves here for anyone else, so nothing is audited.
 */
export async function liveGranteesOf(
  db: Kysely<Database>,
  memberId: string,
  category: DataCategory,
  now = new Date(),
): Promise<string[]> {
  const grants = await db
    .selectFrom("consent_grants")
    .select(["grantee_user_id", "categories", "expires_at", "revoked_at"])
    .where("member_id", "=", memberId)
    .where("revoked_at", "is", null)
    .orderBy("created_at")
    .execute();
  const grantees = new Set<string>();
  for (const grant of grants) {
    const view = {
      granteeUserId: grant.grantee_user_id,
      categories: parseCategories(grant.categories),
      expiresAt: grant.expires_at ? new Date(grant.expires_at) : null,
      revokedAt: null,
    };
    if (grantAllows(view, grant.grantee_user_id, category, now)) {
      grantees.add(grant.grantee_user_id);
    }
  }
  return [...grantees];
}

async function holdsRole(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  roles: readonly Role[] | undefined,
): Promise<boolean> {
  if (roles === undefined) return true;
  const organizations = organizationsWhere(actor, roles);
  if (organizations.length === 0) return false;
  const shared = await db
    .selectFrom("memberships")
    .select("organization_id")
    .where("user_id", "=", memberId)
    .where("organization_id", "in", organizations)
    .executeTakeFirst();
  return shared !== undefined;
}
