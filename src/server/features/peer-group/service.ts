// The peer group: members of an organization opt in under an alias and talk in a few fixed
// channels; nothing from their record is attached, and nobody sees who is behind an alias.
import type { Kysely } from "kysely";
import type {
  JoinPeerGroupRequest,
  PeerGroup,
  PeerMembership,
} from "../../../domain/api/peer-group";
import { type AliasProblem, checkAlias } from "../../../domain/peer-group/alias";
import { PEER_CHANNELS, PEER_RULES_VERSION } from "../../../domain/peer-group/channels";
import type { Database } from "../../db/schema";
import { AppError } from "../../errors";
import type { Actor } from "../../security/session";
import { assertJoined, type GroupReader, readerOf } from "./group-access";
import * as queries from "./queries";

export async function getPeerGroup(db: Kysely<Database>, actor: Actor): Promise<PeerGroup> {
  const reader = await readerOf(db, actor);
  return {
    organizationName: await queries.organizationName(db, reader.organizationId),
    membership: membershipView(reader),
    isModerator: reader.isModerator,
    rulesVersion: PEER_RULES_VERSION,
    channels: [...PEER_CHANNELS],
  };
}

const ALIAS_MESSAGES: Record<AliasProblem, string> = {
  too_short: "An alias needs at least 3 letters or digits.",
  too_long: "An alias can be at most 24 characters.",
  characters: "Use letters, digits, and single spaces, dots, hyphens or underscores between them.",
  email: "An alias cannot be an email address: it must not lead back to you.",
  phone: "An alias cannot hold a phone number: it must not lead back to you.",
};

/** Opting in under an alias; joining twice is a conflict, not a second alias. */
export async function joinPeerGroup(
  db: Kysely<Database>,
  actor: Actor,
  body: JoinPeerGroupRequest,
  now = new Date(),
): Promise<PeerMembership> {
  const reader = await readerOf(db, actor);
  if (reader.membership) {
    throw new AppError("already_joined", 409, "You are already in the group.");
  }
  const checked = checkAlias(body.alias);
  if (!checked.ok) {
    throw new AppError(`alias_${checked.problem}`, 400, ALIAS_MESSAGES[checked.problem], "alias");
  }
  const taken = () =>
    new AppError("alias_taken", 409, "Someone in the group already uses that alias.", "alias");
  if (await queries.findByAliasKey(db, reader.organizationId, checked.key)) throw taken();
  try {
    await queries.insertMember(db, {
      member_id: actor.userId,
      organization_id: reader.organizationId,
      alias: checked.alias,
      alias_key: checked.key,
      rules_version: 0,
      rules_acknowledged_at: null,
      joined_at: now.toISOString(),
    });
  } catch (error) {
    // Two people asked for the same alias at once: the unique index decided.
    if (await queries.findByAliasKey(db, reader.organizationId, checked.key)) throw taken();
    throw error;
  }
  const joined = await readerOf(db, actor);
  return membershipView(joined) as PeerMembership;
}

export async function acknowledgeRules(
  db: Kysely<Database>,
  actor: Actor,
  version: number,
  now = new Date(),
): Promise<PeerMembership> {
  const reader = await readerOf(db, actor);
  assertJoined(reader);
  await queries.acknowledgeRules(db, actor.userId, reader.organizationId, version, now);
  return membershipView(await readerOf(db, actor)) as PeerMembership;
}

export async function leavePeerGroup(
  db: Kysely<Database>,
  actor: Actor,
): Promise<{ removedPosts: number }> {
  const reader = await readerOf(db, actor);
  assertJoined(reader);
  const removedPosts = await db
    .transaction()
    .execute((trx) => queries.removeMember(trx, actor.userId, reader.organizationId));
  return { removedPosts };
}

function membershipView(reader: GroupReader): PeerMembership | null {
  if (!reader.membership) return null;
  return {
    alias: reader.membership.alias,
    rulesAcknowledged: reader.membership.rulesVersion >= PEER_RULES_VERSION,
    muted: reader.membership.muted,
  };
}
