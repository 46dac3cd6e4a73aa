import type { Kysely } from "kysely";
import { type DataCategory, dataCategorySchema, grantAllows } from "../../domain/consent";
import type { Database } from "../db/schema";
import { AppError } from "../errors";
import { appendAuditEvent } from "./audit";
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
  // Writing someone else's data needs its own consent model (issue: care team); not yet.
  if (access.action === "write") return { allowed: false };
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
    throw new AppError("forbidden", 403, "This person has not shared that with you.");
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
 * allowed. Every decision is made before anything is recorded, so a refused view never
 * leaves "allowed" reads in the member's log for data that was not shown.
 */
export async function authorizeMemberAccessAll(
  db: Kysely<Database>,
  actor: Actor,
  accesses: readonly MemberDataAccess[],
  now = new Date(),
): Promise<void> {
  const decisions = await Promise.all(
    accesses.map((access) => decideAccess(db, actor, access, now)),
  );
  const refused = accesses.find((_, index) => !decisions[index]?.allowed);
  for (const access of refused ? [refused] : accesses) {
    await authorizeMemberAccess(db, actor, access, now);
  }
}
