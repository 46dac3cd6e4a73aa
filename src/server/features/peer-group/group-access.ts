import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { AppError, forbidden, secondFactorRequired } from "../../errors";
import { hasSecondFactorForOthersData } from "../../security/second-factor";
import type { Actor } from "../../security/session";

/**
 * Who the reader is in their organization's peer group. The group is a space members publish
 * into under an alias, not anyone's record, so it has its own door here rather than the
 * consent policy: only people of the same organization who opted in (and its moderators)
 * read it, only opted-in members who acknowledged the rules and are not muted post.
 */
export interface GroupReader {
  userId: string;
  organizationId: string;
  /** Holds the moderator role and gave the second factor (moderating reads others' posts). */
  isModerator: boolean;
  /** Holds the role but has no second factor yet: refused with second_factor_required. */
  moderatorAwaitingSecondFactor: boolean;
  membership: { alias: string; rulesVersion: number; muted: boolean } | null;
}

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The organization whose group this person belongs to: where they are a member (people sign
 * up into one), else where they moderate. Memberships come from this request's session, so a
 * granted or removed role counts from the next request on.
 */
export function groupOrganizationOf(actor: Actor): string {
  const member = actor.memberships.find((m) => m.role === "member");
  const moderator = actor.memberships.find((m) => m.role === "moderator");
  const organizationId = member?.organizationId ?? moderator?.organizationId;
  if (!organizationId) {
    throw new AppError("not_in_a_group", 403, "The peer group is for members of an organization.");
  }
  return organizationId;
}

export async function readerOf(db: Db, actor: Actor): Promise<GroupReader> {
  const organizationId = groupOrganizationOf(actor);
  const holdsModeratorRole = actor.memberships.some(
    (m) => m.role === "moderator" && m.organizationId === organizationId,
  );
  const hasSecondFactor = hasSecondFactorForOthersData(actor);
  const row = await db
    .selectFrom("peer_group_members")
    .leftJoin("peer_mutes", (join) =>
      join
        .onRef("peer_mutes.member_id", "=", "peer_group_members.member_id")
        .onRef("peer_mutes.organization_id", "=", "peer_group_members.organization_id"),
    )
    .select(["peer_group_members.alias", "peer_group_members.rules_version", "peer_mutes.muted_at"])
    .where("peer_group_members.member_id", "=", actor.userId)
    .where("peer_group_members.organization_id", "=", organizationId)
    .executeTakeFirst();
  return {
    userId: actor.userId,
    organizationId,
    isModerator: holdsModeratorRole && hasSecondFactor,
    moderatorAwaitingSecondFactor: holdsModeratorRole && !hasSecondFactor,
    membership: row
      ? { alias: row.alias, rulesVersion: Number(row.rules_version), muted: row.muted_at !== null }
      : null,
  };
}

/** Readers: opted-in members and the organization's moderators. */
export function assertCanRead(reader: GroupReader): void {
  if (!reader.membership && !reader.isModerator) {
    if (reader.moderatorAwaitingSecondFactor) throw secondFactorRequired();
    throw new AppError("join_first", 403, "Join the group under an alias to read it.");
  }
}

/** Members who opted in; reacting and reporting need an alias too. */
export function assertJoined(reader: GroupReader): {
  alias: string;
  rulesVersion: number;
  muted: boolean;
} {
  if (!reader.membership) {
    throw new AppError("join_first", 403, "Join the group under an alias first.");
  }
  return reader.membership;
}

export function assertModerator(reader: GroupReader): void {
  if (reader.moderatorAwaitingSecondFactor) throw secondFactorRequired();
  if (!reader.isModerator) {
    throw forbidden("Only the group's moderators can do this.");
  }
}
