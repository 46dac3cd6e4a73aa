// Messages between a member and each person they share "messages" with: one thread per pair,
// text only, with read receipts. The other side reads and writes only through the access policy.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import {
  MESSAGE_PAGE,
  type Message,
  type MessageThread,
  type ThreadSummary,
} from "../../../domain/api/messages";
import type { DataCategory } from "../../../domain/consent";
import {
  MESSAGE_RATE_LIMIT,
  secondsUntilNextWindow,
  sendWindowStart,
} from "../../../domain/messages";
import type { Database } from "../../db/schema";
import type { MessageTable } from "../../db/tables/messages";
import { AppError, notFound } from "../../errors";
import type { IdempotentResult, WriteOnce } from "../../http/idempotency";
import {
  authorizeGrantedWrite,
  authorizeMemberAccess,
  decideAccess,
  type GrantedWrite,
  liveGranteesOf,
} from "../../security/policy";
import { type Actor, actorFor } from "../../security/session";
import * as queries from "./queries";

export const MESSAGES: DataCategory = "messages";

/** A thread the member and `personId` share; what the policy is asked about it. */
const threadAccess = (memberId: string, personId: string, resource: string) => ({
  memberId,
  category: MESSAGES,
  action: "read" as const,
  resource,
  // Only the person this thread is with: another grantee's "messages" grant opens their own.
  grantee: personId,
});

/** The member's conversations: everyone they share messages with, then threads they keep. */
export async function listThreads(
  db: Kysely<Database>,
  actor: Actor,
  now = new Date(),
): Promise<{ threads: ThreadSummary[] }> {
  const memberId = actor.userId;
  const [live, kept] = await Promise.all([
    liveGranteesOf(db, memberId, MESSAGES, now),
    queries.memberThreads(db, memberId),
  ]);
  const byPerson = new Map(kept.map((row) => [row.personId, row]));
  const ids = [...new Set([...live, ...kept.map((row) => row.personId)])];
  const names = new Map((await queries.namesOf(db, ids)).map((u) => [u.id, u.display_name]));
  const threads = ids.map((personId) => ({
    person: { id: personId, displayName: names.get(personId) ?? null },
    canSend: live.includes(personId),
    unread: byPerson.get(personId)?.unread ?? 0,
    lastMessageAt: byPerson.get(personId)?.lastMessageAt ?? null,
  }));
  // Latest conversation first; people not yet written to after them, by name.
  threads.sort(
    (a, b) =>
      (b.lastMessageAt ?? "").localeCompare(a.lastMessageAt ?? "") ||
      (a.person.displayName ?? "").localeCompare(b.person.displayName ?? ""),
  );
  return { threads };
}

/**
 * The thread between a member and one person. The member always reads their copy (even after
 * they stopped sharing); the person reads it only while a live grant names "messages", one
 * audited read each time; anyone else is refused (and recorded) by the policy.
 */
export async function getThread(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  personId: string,
  now = new Date(),
): Promise<MessageThread> {
  if (memberId === personId) throw notFound("That conversation");
  let canSend = true;
  if (actor.userId === memberId) {
    canSend = await mayReceive(db, memberId, personId, now);
  } else {
    await authorizeMemberAccess(db, actor, threadAccess(memberId, personId, "messages"), now);
  }
  const thread = await queries.findThread(db, memberId, personId);
  if (!thread && !canSend) throw notFound("That conversation");
  const rows = thread ? await queries.latestMessages(db, memberId, personId, MESSAGE_PAGE + 1) : [];
  const side: queries.Side = actor.userId === memberId ? "member" : "person";
  const otherRead = thread
    ? Number(side === "member" ? thread.person_read_seq : thread.member_read_seq)
    : 0;
  const names = new Map(
    (await queries.namesOf(db, [memberId, personId])).map((u) => [u.id, u.display_name]),
  );
  return {
    member: { id: memberId, displayName: names.get(memberId) ?? null },
    person: { id: personId, displayName: names.get(personId) ?? null },
    canSend,
    messages: rows
      .slice(0, MESSAGE_PAGE)
      .reverse()
      .map((row) => messageView(row, actor.userId, otherRead)),
    earlier: rows.length > MESSAGE_PAGE,
    readThroughSeq: thread
      ? Number(side === "member" ? thread.member_read_seq : thread.person_read_seq)
      : 0,
  };
}

/**
 * Runs before the body is validated, so someone the member does not share messages with gets
 * the same 403 whatever they sent (the refusal is audited); sendMessage checks again as it writes.
 */
export async function refuseSendWithoutGrant(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  personId: string,
  now = new Date(),
): Promise<void> {
  if (actor.userId === memberId) return;
  await authorizeGrantedWrite(db, actor, messageWrite(memberId, personId), now);
}

export async function sendMessage(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  personId: string,
  body: string,
  writeOnce: WriteOnce,
  now = new Date(),
  /** Runs once a new message is stored — not for a retry's replayed answer. */
  onSent?: (message: Message) => void,
): Promise<IdempotentResult<Message>> {
  if (memberId === personId) throw notFound("That conversation");
  // The member writes to someone who may read it; the person writes under the member's grant,
  // audited as a write in the same transaction as the message.
  let record: GrantedWrite["record"] | null = null;
  if (actor.userId === memberId) {
    if (!(await mayReceive(db, memberId, personId, now))) throw notShared();
  } else {
    record = (await authorizeGrantedWrite(db, actor, messageWrite(memberId, personId), now)).record;
  }
  let sent: Message | null = null;
  const result = await writeOnce(async (trx) => {
    const window = sendWindowStart(now);
    // Counted in the transaction: a refused or failed send counts for nothing.
    if ((await queries.countSend(trx, actor.userId, window)) > MESSAGE_RATE_LIMIT.max) {
      throw tooManyMessages(now);
    }
    const at = now.toISOString();
    await queries.ensureThread(trx, memberId, personId, at);
    const seq = await queries.takeNextSeq(trx, memberId, personId, at);
    const row: MessageTable = {
      member_id: memberId,
      person_id: personId,
      seq,
      id: randomUUID(),
      sender_id: actor.userId,
      body,
      created_at: at,
    };
    await queries.insertMessage(trx, row);
    await record?.(trx);
    sent = messageView(row, actor.userId, 0);
    return { statusCode: 201, body: sent };
  });
  if (sent) onSent?.(sent);
  return result;
}

/** Read receipts: this side has read the thread through `throughSeq`. */
export async function markThreadRead(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  personId: string,
  throughSeq: number,
  now = new Date(),
): Promise<{ ok: true }> {
  if (actor.userId !== memberId) {
    await authorizeMemberAccess(
      db,
      actor,
      threadAccess(memberId, personId, "messages: read receipt"),
      now,
    );
  }
  const side = actor.userId === memberId ? "member" : "person";
  if (!(await queries.markRead(db, memberId, personId, side, throughSeq))) {
    throw notFound("That conversation");
  }
  return { ok: true };
}

/** Whether the person may read the thread now: a live grant from the member names messages. */
export async function mayReceive(
  db: Kysely<Database>,
  memberId: string,
  personId: string,
  now: Date,
): Promise<boolean> {
  const person = await db
    .selectFrom("users")
    .select("id")
    .where("id", "=", personId)
    .executeTakeFirst();
  if (!person) return false;
  const recipient = await actorFor(db, personId, "message-recipient");
  const decision = await decideAccess(
    db,
    recipient,
    threadAccess(memberId, personId, "messages"),
    now,
  );
  return decision.allowed;
}

const messageWrite = (memberId: string, personId: string) => ({
  memberId,
  category: MESSAGES,
  resource: "message",
  grantee: personId,
});

function messageView(row: MessageTable, viewerId: string, otherReadSeq: number): Message {
  const fromMe = row.sender_id === viewerId;
  return {
    id: row.id,
    seq: Number(row.seq),
    senderId: row.sender_id,
    fromMe,
    body: row.body,
    createdAt: row.created_at,
    read: fromMe && Number(row.seq) <= otherReadSeq,
  };
}

const notShared = () =>
  new AppError(
    "not_shared",
    403,
    "You don't share messages with this person now, so they could not read a new message.",
  );

function tooManyMessages(now: Date) {
  const seconds = secondsUntilNextWindow(now);
  return new AppError(
    "too_many_messages",
    429,
    "That's a lot of messages in a few minutes. Please wait a little, then send again.",
    undefined,
    { "retry-after": String(seconds) },
  );
}
