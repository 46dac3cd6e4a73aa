import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

/**
 * What the meeting reminder loop reads and writes. The notification choice and the push
 * subscriptions belong to the medication feature's reminders; they are read here with our own
 * small queries (architecture rule: no importing another feature's code).
 */

/** Every saved meeting with a reminder, with the meeting's schedule and the member's zone. */
export function listMeetingReminders(db: Kysely<Database>) {
  return (
    db
      .selectFrom("saved_meetings")
      .innerJoin("meetings", "meetings.id", "saved_meetings.meeting_id")
      .innerJoin("users", "users.id", "saved_meetings.member_id")
      .select([
        "saved_meetings.member_id",
        "saved_meetings.meeting_id",
        "saved_meetings.remind_before_minutes",
        "saved_meetings.reminded_for",
        "saved_meetings.created_at as saved_at",
        "meetings.name",
        "meetings.days",
        "meetings.time",
        "meetings.time_zone as meeting_time_zone",
        "users.time_zone",
        "users.locale",
      ])
      .where("saved_meetings.remind_before_minutes", "is not", null)
      // The member's own meetings or an organization's (saving checked the member can see it).
      .where((eb) =>
        eb.or([
          eb("meetings.owner_id", "=", eb.ref("saved_meetings.member_id")),
          eb("meetings.owner_kind", "=", "organization"),
        ]),
      )
      .orderBy("saved_meetings.member_id")
      .execute()
  );
}

/**
 * Marks a start reminded of unless it already was (another process got there first, or the
 * meeting was unsaved meanwhile); true when this caller claimed it.
 */
export async function claimMeetingReminder(
  db: Kysely<Database>,
  memberId: string,
  meetingId: string,
  startsAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable("saved_meetings")
    .set({ reminded_for: startsAt })
    .where("member_id", "=", memberId)
    .where("meeting_id", "=", meetingId)
    .where("remind_before_minutes", "is not", null)
    .where((eb) => eb.or([eb("reminded_for", "is", null), eb("reminded_for", "<", startsAt)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Whether the member chose detailed notification text (discreet when never set). */
export async function wantsNotificationDetails(db: Kysely<Database>, memberId: string) {
  const row = await db
    .selectFrom("notification_preferences")
    .select("details")
    .where("member_id", "=", memberId)
    .executeTakeFirst();
  return row?.details === 1;
}
