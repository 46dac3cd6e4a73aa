import type { Insertable, Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type {
  AttendanceTable,
  MeetingFeedTable,
  MeetingTable,
  SupportContactTable,
} from "../../db/tables/support";

export function findMember(db: Kysely<Database>, memberId: string) {
  return db
    .selectFrom("users")
    .select(["id", "display_name", "email", "time_zone", "created_at"])
    .where("id", "=", memberId)
    .executeTakeFirst();
}

export function organizationIdsOf(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom("memberships")
    .select("organization_id")
    .where("user_id", "=", userId)
    .execute()
    .then((rows) => rows.map((row) => row.organization_id));
}

// ---- support people

export function listContacts(db: Kysely<Database>, memberId: string) {
  return db
    .selectFrom("support_contacts")
    .selectAll()
    .where("member_id", "=", memberId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export function findContact(db: Kysely<Database>, memberId: string, id: string) {
  return db
    .selectFrom("support_contacts")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function insertContact(db: Kysely<Database>, row: Insertable<SupportContactTable>) {
  await db.insertInto("support_contacts").values(row).execute();
}

export async function updateContact(db: Kysely<Database>, row: SupportContactTable) {
  const { member_id, id, created_at, ...changes } = row;
  await db
    .updateTable("support_contacts")
    .set(changes)
    .where("member_id", "=", member_id)
    .where("id", "=", id)
    .execute();
}

export async function deleteContact(db: Kysely<Database>, memberId: string, id: string) {
  const result = await db
    .deleteFrom("support_contacts")
    .where("member_id", "=", memberId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// ---- the member's plan steps (the plan feature's table, read here with our own query)

/** Steps a support person can be linked to, open ones first, then by when they were made. */
export function planStepsOf(db: Kysely<Database>, memberId: string) {
  return db
    .selectFrom("plan_steps")
    .select(["id", "title", "status"])
    .where("member_id", "=", memberId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export function findPlanSteps(db: Kysely<Database>, memberId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("plan_steps")
    .select(["id", "title"])
    .where("member_id", "=", memberId)
    .where("id", "in", ids)
    .execute();
}

// ---- meetings

export function meetingSlugs(db: Kysely<Database>, ownerId: string) {
  return db
    .selectFrom("meetings")
    .select(["id", "slug", "feed_id", "created_at"])
    .where("owner_id", "=", ownerId)
    .execute();
}

export async function insertMeeting(db: Kysely<Database>, row: Insertable<MeetingTable>) {
  await db.insertInto("meetings").values(row).execute();
}

export async function replaceMeeting(db: Kysely<Database>, row: MeetingTable) {
  const { owner_id, id, created_at, ...changes } = row;
  await db
    .updateTable("meetings")
    .set(changes)
    .where("owner_id", "=", owner_id)
    .where("id", "=", id)
    .execute();
}

export async function deleteMeetings(db: Kysely<Database>, ownerId: string, ids: string[]) {
  if (ids.length === 0) return;
  await db.deleteFrom("meetings").where("owner_id", "=", ownerId).where("id", "in", ids).execute();
}

/** The meetings a member can see: their own and their organizations'. */
export function visibleMeetings(db: Kysely<Database>, ownerIds: string[]) {
  return db.selectFrom("meetings").selectAll().where("owner_id", "in", ownerIds).execute();
}

export function findVisibleMeeting(db: Kysely<Database>, ownerIds: string[], id: string) {
  return db
    .selectFrom("meetings")
    .selectAll()
    .where("owner_id", "in", ownerIds)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The member's saved meetings, each with its reminder lead (null for none). */
export function savedMeetings(db: Kysely<Database>, memberId: string) {
  return db
    .selectFrom("saved_meetings")
    .select(["meeting_id", "remind_before_minutes"])
    .where("member_id", "=", memberId)
    .execute()
    .then(
      (rows) =>
        new Map(
          rows.map((row) => [row.meeting_id, { remindMinutesBefore: row.remind_before_minutes }]),
        ),
    );
}

/**
 * Saves (with the reminder lead when given; undefined keeps the one it had) or unsaves,
 * which also removes its reminder.
 */
export async function setSaved(
  db: Kysely<Database>,
  memberId: string,
  meetingId: string,
  saved: boolean,
  at: string,
  remindMinutesBefore: number | null | undefined,
) {
  if (!saved) {
    await db
      .deleteFrom("saved_meetings")
      .where("member_id", "=", memberId)
      .where("meeting_id", "=", meetingId)
      .execute();
    return;
  }
  await db
    .insertInto("saved_meetings")
    .values({
      member_id: memberId,
      meeting_id: meetingId,
      created_at: at,
      remind_before_minutes: remindMinutesBefore ?? null,
    })
    .onConflict((conflict) =>
      remindMinutesBefore === undefined
        ? conflict.columns(["member_id", "meeting_id"]).doNothing()
        : conflict
            .columns(["member_id", "meeting_id"])
            .doUpdateSet({ remind_before_minutes: remindMinutesBefore }),
    )
    .execute();
}

export function findFeedByUrl(db: Kysely<Database>, organizationId: string, url: string) {
  return db
    .selectFrom("meeting_feeds")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("url", "=", url)
    .executeTakeFirst();
}

export async function insertFeed(db: Kysely<Database>, row: MeetingFeedTable) {
  await db.insertInto("meeting_feeds").values(row).execute();
}

export function listFeeds(db: Kysely<Database>) {
  return db.selectFrom("meeting_feeds").selectAll().execute();
}

export async function markFeedFetched(
  db: Kysely<Database>,
  feed: Pick<MeetingFeedTable, "organization_id" | "id">,
  at: string,
  error: string | null,
) {
  await db
    .updateTable("meeting_feeds")
    .set({ last_fetched_at: at, last_error: error })
    .where("organization_id", "=", feed.organization_id)
    .where("id", "=", feed.id)
    .execute();
}

// ---- attendance

export async function insertAttendance(db: Kysely<Database>, row: AttendanceTable) {
  await db.insertInto("attendance").values(row).execute();
}

export function listAttendance(db: Kysely<Database>, memberId: string, from: string, to: string) {
  return db
    .selectFrom("attendance")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("local_day", ">=", from)
    .where("local_day", "<=", to)
    .orderBy("at")
    .orderBy("id")
    .execute();
}

// ---- crisis lines and naloxone

export function findCrisisOverride(db: Kysely<Database>, organizationId: string, region: string) {
  return db
    .selectFrom("crisis_resource_overrides")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("region", "=", region)
    .executeTakeFirst();
}

export async function upsertCrisisOverride(
  db: Kysely<Database>,
  row: Database["crisis_resource_overrides"],
) {
  const { organization_id, region, ...changes } = row;
  await db
    .insertInto("crisis_resource_overrides")
    .values(row)
    .onConflict((conflict) => conflict.columns(["organization_id", "region"]).doUpdateSet(changes))
    .execute();
}

export function findNaloxone(db: Kysely<Database>, memberId: string) {
  return db
    .selectFrom("naloxone_kits")
    .selectAll()
    .where("member_id", "=", memberId)
    .executeTakeFirst();
}

export async function upsertNaloxone(db: Kysely<Database>, row: Database["naloxone_kits"]) {
  const { member_id, ...changes } = row;
  await db
    .insertInto("naloxone_kits")
    .values(row)
    .onConflict((conflict) => conflict.column("member_id").doUpdateSet(changes))
    .execute();
}
