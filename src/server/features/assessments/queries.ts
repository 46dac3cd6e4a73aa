import type { Insertable, Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { AssessmentResponseTable, WithdrawalEpisodeTable } from "../../db/tables/assessments";

export function findMember(db: Kysely<Database>, memberId: string) {
  return db
    .selectFrom("users")
    .select(["id", "time_zone"])
    .where("id", "=", memberId)
    .executeTakeFirst();
}

// ---- responses

export async function insertResponse(
  db: Kysely<Database>,
  row: Insertable<AssessmentResponseTable>,
) {
  await db.insertInto("assessment_responses").values(row).execute();
}

/** Responses at or after `fromInstant` and before `toInstant`, oldest first. */
export function listResponses(
  db: Kysely<Database>,
  memberId: string,
  instrumentIds: readonly string[],
  fromInstant: string,
  toInstant: string,
) {
  return db
    .selectFrom("assessment_responses as r")
    .leftJoin("users as u", "u.id", "r.entered_by")
    .selectAll("r")
    .select("u.display_name as entered_by_name")
    .where("r.member_id", "=", memberId)
    .where("r.instrument_id", "in", instrumentIds)
    .where("r.at", ">=", fromInstant)
    .where("r.at", "<", toInstant)
    .orderBy("r.at")
    .orderBy("r.id")
    .execute();
}

/** The name shown beside a rating someone else entered. */
export async function findDisplayName(db: Kysely<Database>, userId: string) {
  const row = await db
    .selectFrom("users")
    .select("display_name")
    .where("id", "=", userId)
    .executeTakeFirst();
  return row?.display_name ?? null;
}

/** When each response to the given instruments was answered, for the cadence. */
export function listResponseTimes(
  db: Kysely<Database>,
  memberId: string,
  instrumentIds: readonly string[],
) {
  return db
    .selectFrom("assessment_responses")
    .select(["instrument_id", "at"])
    .where("member_id", "=", memberId)
    .where("instrument_id", "in", instrumentIds)
    .execute();
}

// ---- withdrawal episodes

export async function insertEpisode(db: Kysely<Database>, row: Insertable<WithdrawalEpisodeTable>) {
  await db.insertInto("withdrawal_episodes").values(row).execute();
}

export function findEpisode(db: Kysely<Database>, memberId: string, episodeId: string) {
  return db
    .selectFrom("withdrawal_episodes")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("id", "=", episodeId)
    .executeTakeFirst();
}

export function findOpenEpisode(db: Kysely<Database>, memberId: string) {
  return db
    .selectFrom("withdrawal_episodes")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("ended_at", "is", null)
    .executeTakeFirst();
}

/** The latest episode a rating at `at` falls in: last use before it, not ended before it. */
export function findEpisodeAt(db: Kysely<Database>, memberId: string, at: string) {
  return db
    .selectFrom("withdrawal_episodes")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("last_use_at", "<=", at)
    .where((eb) => eb.or([eb("ended_at", "is", null), eb("ended_at", ">=", at)]))
    .orderBy("last_use_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function endEpisode(
  db: Kysely<Database>,
  memberId: string,
  id: string,
  endedAt: string,
) {
  await db
    .updateTable("withdrawal_episodes")
    .set({ ended_at: endedAt })
    .where("member_id", "=", memberId)
    .where("id", "=", id)
    .execute();
}

export function listEpisodes(db: Kysely<Database>, memberId: string) {
  return db
    .selectFrom("withdrawal_episodes")
    .selectAll()
    .where("member_id", "=", memberId)
    .orderBy("last_use_at", "desc")
    .execute();
}

export function findResponse(db: Kysely<Database>, memberId: string, responseId: string) {
  return db
    .selectFrom("assessment_responses as r")
    .leftJoin("users as u", "u.id", "r.entered_by")
    .selectAll("r")
    .select("u.display_name as entered_by_name")
    .where("r.member_id", "=", memberId)
    .where("r.id", "=", responseId)
    .executeTakeFirst();
}
