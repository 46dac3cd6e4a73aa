import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { MessageTable, MessageThreadTable } from "../../db/tables/messages";

/** Which side of a thread someone is on: the member, or the person they share with. */
export type Side = "member" | "person";

export function findThread(
  db: Kysely<Database>,
  memberId: string,
  personId: string,
): Promise<MessageThreadTable | undefined> {
  return db
    .selectFrom("message_threads")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("person_id", "=", personId)
    .executeTakeFirst();
}

/** Makes the thread if this is its first message (two first messages at once make one). */
export async function ensureThread(
  db: Kysely<Database>,
  memberId: string,
  personId: string,
  now: string,
): Promise<void> {
  await db
    .insertInto("message_threads")
    .values({
      member_id: memberId,
      person_id: personId,
      last_seq: 0,
      member_read_seq: 0,
      person_read_seq: 0,
      created_at: now,
      last_message_at: null,
    })
    .onConflict((oc) => oc.columns(["member_id", "person_id"]).doNothing())
    .execute();
}

/**
 * Takes the thread's next message number. The update holds the thread's row until the
 * transaction ends, so two sends at the same instant are numbered one after the other.
 */
export async function takeNextSeq(
  db: Kysely<Database>,
  memberId: string,
  personId: string,
  now: string,
): Promise<number> {
  const row = await db
    .updateTable("message_threads")
    .set((eb) => ({ last_seq: eb("last_seq", "+", 1), last_message_at: now }))
    .where("member_id", "=", memberId)
    .where("person_id", "=", personId)
    .returning("last_seq")
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

export async function insertMessage(db: Kysely<Database>, message: MessageTable): Promise<void> {
  await db.insertInto("messages").values(message).execute();
}

/** The latest `limit` messages, newest first. */
export function latestMessages(
  db: Kysely<Database>,
  memberId: string,
  personId: string,
  limit: number,
): Promise<MessageTable[]> {
  return db
    .selectFrom("messages")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("person_id", "=", personId)
    .orderBy("seq", "desc")
    .limit(limit)
    .execute();
}

/** Moves one side's read mark forward (never back, never past the last message). */
export async function markRead(
  db: Kysely<Database>,
  memberId: string,
  personId: string,
  side: Side,
  throughSeq: number,
): Promise<boolean> {
  const column = side === "member" ? "member_read_seq" : "person_read_seq";
  const thread = await findThread(db, memberId, personId);
  if (!thread) return false;
  const next = Math.min(throughSeq, Number(thread.last_seq));
  await db
    .updateTable("message_threads")
    .set({ [column]: next })
    .where("member_id", "=", memberId)
    .where("person_id", "=", personId)
    .where(column, "<", next)
    .execute();
  return true;
}

/**
 * Counts one more message for the sender in this window and answers the window's count. The
 * upsert holds the sender's row, so sends from two processes at once are both counted.
 */
export async function countSend(
  db: Kysely<Database>,
  senderId: string,
  windowStart: string,
): Promise<number> {
  // Earlier windows are spent; clearing them here keeps the table one row per active sender.
  await db
    .deleteFrom("message_send_windows")
    .where("user_id", "=", senderId)
    .where("window_start", "<", windowStart)
    .execute();
  const row = await db
    .insertInto("message_send_windows")
    .values({ user_id: senderId, window_start: windowStart, sent: 1 })
    .onConflict((oc) =>
      oc
        .columns(["user_id", "window_start"])
        .doUpdateSet((eb) => ({ sent: eb(eb.ref("message_send_windows.sent"), "+", 1) })),
    )
    .returning("sent")
    .executeTakeFirstOrThrow();
  return Number(row.sent);
}

export interface MemberThreadRow {
  personId: string;
  lastMessageAt: string | null;
  unread: number;
}

/** The member's threads, each with how many of the other side's messages are unread. */
export async function memberThreads(
  db: Kysely<Database>,
  memberId: string,
): Promise<MemberThreadRow[]> {
  const rows = await db
    .selectFrom("message_threads as t")
    .select((eb) => [
      "t.person_id as personId",
      "t.last_message_at as lastMessageAt",
      eb
        .selectFrom("messages as m")
        .select((inner) => inner.fn.countAll().as("unread"))
        .whereRef("m.member_id", "=", "t.member_id")
        .whereRef("m.person_id", "=", "t.person_id")
        .whereRef("m.seq", ">", "t.member_read_seq")
        .whereRef("m.sender_id", "=", "t.person_id")
        .as("unread"),
    ])
    .where("t.member_id", "=", memberId)
    .execute();
  return rows.map((row) => ({
    personId: row.personId,
    lastMessageAt: row.lastMessageAt,
    unread: Number(row.unread ?? 0),
  }));
}

export function namesOf(
  db: Kysely<Database>,
  userIds: readonly string[],
): Promise<{ id: string; display_name: string | null }[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("users")
    .select(["id", "display_name"])
    .where("id", "in", [...userIds])
    .execute();
}

/** What a push to this person may say, and in which language. */
export async function notificationWordsFor(db: Kysely<Database>, userId: string) {
  const row = await db
    .selectFrom("users")
    .leftJoin("notification_preferences as p", "p.member_id", "users.id")
    .select(["users.locale", "p.details"])
    .where("users.id", "=", userId)
    .executeTakeFirst();
  return { locale: row?.locale ?? "en", details: row?.details === 1 };
}
