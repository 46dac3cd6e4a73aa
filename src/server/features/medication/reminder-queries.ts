import type { Insertable, Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { PushSubscriptionTable, ReminderTable } from "../../db/tables/medication";

/** Reminders, the member's notification choice and their devices' push subscriptions. */

export function listReminders(db: Kysely<Database>, memberId: string) {
  return db
    .selectFrom("reminders")
    .selectAll()
    .where("member_id", "=", memberId)
    .orderBy("local_time")
    .orderBy("created_at")
    .execute();
}

export function findReminder(db: Kysely<Database>, memberId: string, id: string) {
  return db
    .selectFrom("reminders")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function insertReminder(db: Kysely<Database>, row: Insertable<ReminderTable>) {
  await db.insertInto("reminders").values(row).execute();
}

export async function updateReminder(
  db: Kysely<Database>,
  memberId: string,
  id: string,
  changes: Pick<ReminderTable, "kind" | "local_time" | "days" | "enabled" | "updated_at">,
) {
  await db
    .updateTable("reminders")
    .set(changes)
    .where("member_id", "=", memberId)
    .where("id", "=", id)
    .execute();
}

export async function deleteReminder(db: Kysely<Database>, memberId: string, id: string) {
  const result = await db
    .deleteFrom("reminders")
    .where("member_id", "=", memberId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Marks a reminder sent for an occurrence, unless it already was (another process got there
 * first); true when this caller claimed it.
 */
export async function claimReminder(
  db: Kysely<Database>,
  memberId: string,
  id: string,
  occurrence: string,
): Promise<boolean> {
  const result = await db
    .updateTable("reminders")
    .set({ last_sent_for: occurrence })
    .where("member_id", "=", memberId)
    .where("id", "=", id)
    .where((eb) => eb.or([eb("last_sent_for", "is", null), eb("last_sent_for", "<", occurrence)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Every enabled reminder with its member's zone and language, for the delivery loop. */
export function listEnabledReminders(db: Kysely<Database>) {
  return db
    .selectFrom("reminders")
    .innerJoin("users", "users.id", "reminders.member_id")
    .selectAll("reminders")
    .select(["users.time_zone", "users.locale"])
    .where("reminders.enabled", "=", 1)
    .orderBy("reminders.member_id")
    .execute();
}

export async function notificationDetails(db: Kysely<Database>, memberId: string) {
  const row = await db
    .selectFrom("notification_preferences")
    .select("details")
    .where("member_id", "=", memberId)
    .executeTakeFirst();
  return row?.details === 1;
}

export async function setNotificationDetails(
  db: Kysely<Database>,
  memberId: string,
  details: boolean,
  now: string,
) {
  await db
    .insertInto("notification_preferences")
    .values({ member_id: memberId, details: details ? 1 : 0, updated_at: now })
    .onConflict((oc) =>
      oc.column("member_id").doUpdateSet({ details: details ? 1 : 0, updated_at: now }),
    )
    .execute();
}

export function listPushSubscriptions(db: Kysely<Database>, memberId: string) {
  return db
    .selectFrom("push_subscriptions")
    .selectAll()
    .where("member_id", "=", memberId)
    .orderBy("created_at")
    .execute();
}

export function findPushSubscriptionsByEndpoint(db: Kysely<Database>, endpoint: string) {
  return db.selectFrom("push_subscriptions").selectAll().where("endpoint", "=", endpoint).execute();
}

export async function insertPushSubscription(
  db: Kysely<Database>,
  row: Insertable<PushSubscriptionTable>,
) {
  await db.insertInto("push_subscriptions").values(row).execute();
}

export async function deletePushSubscription(db: Kysely<Database>, memberId: string, id: string) {
  await db
    .deleteFrom("push_subscriptions")
    .where("member_id", "=", memberId)
    .where("id", "=", id)
    .execute();
}

export async function deletePushSubscriptionByEndpoint(
  db: Kysely<Database>,
  memberId: string,
  endpoint: string,
) {
  const result = await db
    .deleteFrom("push_subscriptions")
    .where("member_id", "=", memberId)
    .where("endpoint", "=", endpoint)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
