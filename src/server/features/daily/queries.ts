import type { Insertable, Kysely } from "kysely";
import { compiledQuery } from "../../db/compiled-query";
import type { Database } from "../../db/schema";
import type {
  CheckinTable,
  CopingUseTable,
  CravingTable,
  UseEventTable,
} from "../../db/tables/daily";

export function findMember(db: Kysely<Database>, memberId: string) {
  return db
    .selectFrom("users")
    .select(["id", "time_zone", "created_at"])
    .where("id", "=", memberId)
    .executeTakeFirst();
}

// ---- check-ins

export function findCheckin(db: Kysely<Database>, memberId: string, day: string) {
  return db
    .selectFrom("checkins")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("local_day", "=", day)
    .executeTakeFirst();
}

/** Insert or replace the day's check-in and return it; created_at stays the first time's.
 * Every check-in runs it, so it is compiled once (db/compiled-query.ts). */
const upsertCheckinRow = compiledQuery((db, row: CheckinTable) => {
  const answers = {
    mood: row.mood,
    craving: row.craving,
    used: row.used,
    medication_taken: row.medication_taken,
    sleep_hours: row.sleep_hours,
    stress: row.stress,
    halt_hungry: row.halt_hungry,
    halt_angry: row.halt_angry,
    halt_lonely: row.halt_lonely,
    halt_tired: row.halt_tired,
    meeting: row.meeting,
    note: row.note,
    updated_at: row.updated_at,
  };
  return db
    .insertInto("checkins")
    .values({
      member_id: row.member_id,
      local_day: row.local_day,
      created_at: row.created_at,
      ...answers,
    })
    .onConflict((conflict) => conflict.columns(["member_id", "local_day"]).doUpdateSet(answers))
    .returningAll();
});

export async function upsertCheckin(db: Kysely<Database>, row: CheckinTable) {
  const { rows } = await upsertCheckinRow(db, row);
  const saved = rows[0];
  if (!saved) throw new Error("The check-in upsert returned no row");
  return saved;
}

export function listCheckins(db: Kysely<Database>, memberId: string, from: string, to: string) {
  return db
    .selectFrom("checkins")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("local_day", ">=", from)
    .where("local_day", "<=", to)
    .orderBy("local_day")
    .execute();
}

/**
 * What progress needs of the whole check-in history without reading it: the first day, and
 * the check-in days between the bounds (checkinCountBounds). The primary key is
 * (member_id, local_day), so a row is a distinct day.
 */
export async function checkinTotals(
  db: Kysely<Database>,
  memberId: string,
  bounds: { from: string | null; to: string },
) {
  const { from, to } = bounds;
  const row = await db
    .selectFrom("checkins")
    .select((eb) => [
      eb.fn.min("local_day").as("first_day"),
      eb.fn
        .countAll()
        .filterWhere((w) =>
          w.and([w("local_day", "<=", to), ...(from === null ? [] : [w("local_day", ">=", from)])]),
        )
        .as("days_counted"),
    ])
    .where("member_id", "=", memberId)
    .executeTakeFirst();
  return { firstDay: row?.first_day ?? null, daysCounted: Number(row?.days_counted ?? 0) };
}

/** Check-ins progress reads itself: the recent ones (its windows) and every day with use. */
export function listRecentOrUsedCheckins(db: Kysely<Database>, memberId: string, from: string) {
  return db
    .selectFrom("checkins")
    .select(["local_day", "used", "mood", "craving"])
    .where("member_id", "=", memberId)
    .where((eb) => eb.or([eb("local_day", ">=", from), eb("used", "=", 1)]))
    .orderBy("local_day")
    .execute();
}

/** Everything progress needs from check-ins, for the member's whole history. */
export function listCheckinSummaries(db: Kysely<Database>, memberId: string) {
  return db
    .selectFrom("checkins")
    .select(["local_day", "used", "mood", "craving"])
    .where("member_id", "=", memberId)
    .orderBy("local_day")
    .execute();
}

// ---- cravings and coping

export async function insertCraving(db: Kysely<Database>, row: Insertable<CravingTable>) {
  await db.insertInto("cravings").values(row).execute();
}

export function findCraving(db: Kysely<Database>, memberId: string, cravingId: string) {
  return db
    .selectFrom("cravings")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("id", "=", cravingId)
    .executeTakeFirst();
}

export async function markCravingPassed(db: Kysely<Database>, memberId: string, id: string) {
  await db
    .updateTable("cravings")
    .set({ passed: 1 })
    .where("member_id", "=", memberId)
    .where("id", "=", id)
    .execute();
}

export function listCravings(db: Kysely<Database>, memberId: string, from: string, to: string) {
  return db
    .selectFrom("cravings")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("local_day", ">=", from)
    .where("local_day", "<=", to)
    .orderBy("at")
    .orderBy("id")
    .execute();
}

export async function insertCopingUse(db: Kysely<Database>, row: Insertable<CopingUseTable>) {
  await db.insertInto("coping_uses").values(row).execute();
}

/** Each tool use with whether the craving passed: its own answer, else its craving's. */
export function listCopingOutcomes(db: Kysely<Database>, memberId: string) {
  return db
    .selectFrom("coping_uses")
    .leftJoin("cravings", (join) =>
      join
        .onRef("cravings.member_id", "=", "coping_uses.member_id")
        .onRef("cravings.id", "=", "coping_uses.craving_id"),
    )
    .select([
      "coping_uses.tool as tool",
      "coping_uses.passed as passed",
      "cravings.passed as cravingPassed",
    ])
    .where("coping_uses.member_id", "=", memberId)
    .execute();
}

// ---- uses

export async function insertUse(db: Kysely<Database>, row: Insertable<UseEventTable>) {
  await db.insertInto("use_events").values(row).execute();
}

export function listUses(db: Kysely<Database>, memberId: string, from: string, to: string) {
  return db
    .selectFrom("use_events")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("local_day", ">=", from)
    .where("local_day", "<=", to)
    .orderBy("at")
    .orderBy("id")
    .execute();
}

export function listUseDays(db: Kysely<Database>, memberId: string) {
  return db
    .selectFrom("use_events")
    .select("local_day")
    .distinct()
    .where("member_id", "=", memberId)
    .execute();
}

/** True when a use was removed. */
export async function deleteUse(db: Kysely<Database>, memberId: string, useId: string) {
  const result = await db
    .deleteFrom("use_events")
    .where("member_id", "=", memberId)
    .where("id", "=", useId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The start date and daily cost the member gave at intake (written by the plan feature). */
export function findRecoveryProfile(db: Kysely<Database>, memberId: string) {
  return db
    .selectFrom("recovery_profiles")
    .select(["recovery_start", "cost_per_day"])
    .where("member_id", "=", memberId)
    .executeTakeFirst();
}

/** Steps done and steps in the member's plan, dropped ones left out; null without a plan. */
export async function countPlanSteps(db: Kysely<Database>, memberId: string) {
  const rows = await db
    .selectFrom("plan_steps")
    .select(["status", (eb) => eb.fn.countAll<number>().as("count")])
    .where("member_id", "=", memberId)
    .where("status", "!=", "dropped")
    .groupBy("status")
    .execute();
  if (rows.length === 0) return null;
  const total = rows.reduce((sum, row) => sum + Number(row.count), 0);
  const done = Number(rows.find((row) => row.status === "done")?.count ?? 0);
  return { done, total };
}
