// Which organizations someone holds a role in, read from the memberships their session carries.
// Every "is this person an admin of that organization?" asks here, so the rule lives in one place.
import type { Role } from "../../domain/roles";
import { forbidden } from "../errors";
import type { Actor } from "./session";

type WithMemberships = Pick<Actor, "memberships">;

/** What a refusal says when the service has no words of its own for it. */
export const NOT_ADMIN_MESSAGE = "Only an admin of this organization can do this.";

/** The organizations where the actor holds any of `roles`, each once, in their session's order. */
export function organizationsWhere(actor: WithMemberships, roles: readonly Role[]): string[] {
  const organizations = actor.memberships
    .filter((membership) => roles.includes(membership.role))
    .map((membership) => membership.organizationId);
  return [...new Set(organizations)];
}

/** The organizations the actor administers (none for a member, clinician or supporter). */
export function adminOf(actor: WithMemberships): string[] {
  return organizationsWhere(actor, ["admin"]);
}

/**
 * Refuses (403 `forbidden`, in the calling service's own words) unless the actor is an admin of
 * the organization. An organization left out is refused the same way.
 */
export function assertAdminOf(
  actor: WithMemberships,
  organizationId: string | undefined,
  message = NOT_ADMIN_MESSAGE,
): asserts organizationId is string {
  if (organizationId === undefined || !adminOf(actor).includes(organizationId)) {
    throw forbidden(message);
  }
}

/**
 * The organization an admin acts for: the one the request names, else the first they administer.
 * Refused as `assertAdminOf` refuses when they administer neither.
 */
export function adminOrganization(
  actor: WithMemberships,
  requested?: string,
  message = NOT_ADMIN_MESSAGE,
): string {
  const organizationId = requested ?? adminOf(actor)[0];
  assertAdminOf(actor, organizationId, message);
  return organizationId;
}
