import type { Kysely } from "kysely";
import type { LocalDay } from "../../../domain/local-day";
import type { Database } from "../../db/schema";

/**
 * The member-detail reads of the care team, one per category. The care feature keeps its own
 * small queries over the tables other features own rather than importing their code.
 */
type Db = Kysely<Database>;

export function findMember(db: Db, memberId: string) {
  return db
    .selectFrom("users")
    .select(["id", "display_name", "time_zone"])
    .where("id", "=", memberId)
    .executeTakeFirst();
}

export function checkinsBetween(db: Db, memberId: string, from: LocalDay, to: LocalDay) {
  return db
    .selectFrom("checkins")
    .select(["local_day", "mood", "craving", "used"])
    .where("member_id", "=", memberId)
    .where("local_day", ">=", from)
    .where("local_day", "<=", to)
    .orderBy("local_day")
    .execute();
}

export function cravingsByDay(db: Db, memberId: string, from: LocalDay, to: LocalDay) {
  return db
    .selectFrom("cravings")
    .select((eb) => [
      "local_day",
      eb.fn.countAll<number>().as("count"),
      eb.fn.max("intensity").as("max_intensity"),
    ])
    .where("member_id", "=", memberId)
    .where("local_day", ">=", from)
    .where("local_day", "<=", to)
    .groupBy("local_day")
    .orderBy("local_day")
    .execute();
}

export function lapsesBetween(db: Db, memberId: string, from: LocalDay, to: LocalDay) {
  return db
    .selectFrom("use_events")
    .select(["id", "local_day"])
    .where("member_id", "=", memberId)
    .where("local_day", ">=", from)
    .where("local_day", "<=", to)
    .orderBy("local_day")
    .execute();
}

export async function planOf(db: Db, memberId: string) {
  const [goals, steps] = await Promise.all([
    db
      .selectFrom("plan_goals")
      .select(["id", "title", "status"])
      .where("member_id", "=", memberId)
      .orderBy("position")
      .execute(),
    db
      .selectFrom("plan_steps")
      .select(["id", "goal_id", "title", "status"])
      .where("member_id", "=", memberId)
      .orderBy("position")
      .execute(),
  ]);
  return { goals, steps };
}

export function dosesBetween(db: Db, memberId: string, from: LocalDay, to: LocalDay) {
  return db
    .selectFrom("dose_logs")
    .select(["local_day", "status"])
    .where("member_id", "=", memberId)
    .where("local_day", ">=", from)
    .where("local_day", "<=", to)
    .orderBy("local_day")
    .execute();
}

export function assessmentsSince(db: Db, memberId: string, since: string) {
  return db
    .selectFrom("assessment_responses")
    .select(["id", "instrument_id", "at", "score"])
    .where("member_id", "=", memberId)
    .where("at", ">=", since)
    .orderBy("at")
    .execute();
}

/** Every prescription the member recorded, in the order they took effect. */
export function regimenChangesOf(db: Db, memberId: string) {
  return db
    .selectFrom("regimen_changes")
    .select([
      "id",
      "medication",
      "dose_amount",
      "dose_unit",
      "schedule",
      "prescriber",
      "effective_date",
    ])
    .where("member_id", "=", memberId)
    .orderBy("effective_date")
    .orderBy("recorded_at")
    .execute();
}

/** The stored answers of responses already chosen for the reader (the FHIR export). */
export function assessmentAnswers(db: Db, memberId: string, ids: string[]) {
  return db
    .selectFrom("assessment_responses")
    .select(["id", "answers", "score"])
    .where("member_id", "=", memberId)
    .where("id", "in", ids)
    .execute();
}
