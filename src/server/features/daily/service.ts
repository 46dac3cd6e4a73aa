// The daily check-in: one per local day in the member's zone, written by the member only and
// edited in place; others read it only through the access policy (category "checkins").
import type { Kysely } from "kysely";
import type { Checkin, CheckinBody, DayRangeQuery } from "../../../domain/api/daily";
import { checkinDateProblem } from "../../../domain/checkin";
import type { LocalDay } from "../../../domain/local-day";
import type { Database } from "../../db/schema";
import type { CheckinTable } from "../../db/tables/daily";
import { AppError, notFound } from "../../errors";
import type { IdempotentResult, WriteOnce } from "../../http/idempotency";
import { authorize } from "../../security/policy";
import type { Actor } from "../../security/session";
import {
  describeRange,
  fromFlag,
  memberClock,
  ownToday,
  resolveRange,
  textOrNull,
  toFlag,
} from "./member-clock";
import * as queries from "./queries";

/** 201 with the new check-in, or 200 when the day's check-in was updated. */
export async function upsertCheckin(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  date: LocalDay,
  body: CheckinBody,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<Checkin>> {
  await authorize(db, actor, memberId, "checkins", "write", `check-in ${date}`, now);
  // The policy allows writes by the member alone, so the member's zone comes with the session.
  const today = ownToday(actor, now);
  assertCheckinDate(date, today);
  return writeOnce(async (trx) => {
    const at = now.toISOString();
    const halt = body.halt ?? null;
    const saved = await queries.upsertCheckin(trx, {
      member_id: memberId,
      local_day: date,
      mood: body.mood,
      craving: body.craving,
      used: body.used ? 1 : 0,
      medication_taken: toFlag(body.medicationTaken),
      sleep_hours: body.sleepHours ?? null,
      stress: body.stress ?? null,
      halt_hungry: toFlag(halt?.hungry),
      halt_angry: toFlag(halt?.angry),
      halt_lonely: toFlag(halt?.lonely),
      halt_tired: toFlag(halt?.tired),
      meeting: toFlag(body.meeting),
      note: textOrNull(body.note),
      created_at: at,
      updated_at: at,
    });
    // An update keeps the first created_at, so a different one means the day already had one.
    return { statusCode: saved.created_at === at ? 201 : 200, body: checkinFromRow(saved) };
  });
}

function assertCheckinDate(date: LocalDay, today: LocalDay): void {
  const problem = checkinDateProblem(date, today);
  if (problem === "in_future") {
    throw new AppError(
      "date_in_future",
      400,
      `${date} has not come yet where you are. Check in for today (${today}) or a day before.`,
      "date",
    );
  }
  if (problem === "too_early") {
    throw new AppError("date_too_early", 400, "Please choose a date after 1900.", "date");
  }
}

export async function getCheckin(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  date: LocalDay,
  now = new Date(),
): Promise<Checkin> {
  await authorize(db, actor, memberId, "checkins", "read", `check-in ${date}`, now);
  const row = await queries.findCheckin(db, memberId, date);
  if (!row) throw notFound(`A check-in for ${date}`);
  return checkinFromRow(row);
}

export async function listCheckins(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  query: DayRangeQuery,
  now = new Date(),
) {
  await authorize(db, actor, memberId, "checkins", "read", describeRange("check-ins", query), now);
  const { today } = await memberClock(db, memberId, now);
  const { from, to } = resolveRange(query, today);
  const rows = await queries.listCheckins(db, memberId, from, to);
  return { from, to, checkins: rows.map(checkinFromRow) };
}

function checkinFromRow(row: CheckinTable): Checkin {
  const halt = [row.halt_hungry, row.halt_angry, row.halt_lonely, row.halt_tired];
  return {
    date: row.local_day,
    mood: row.mood,
    craving: row.craving,
    used: row.used !== 0,
    medicationTaken: fromFlag(row.medication_taken),
    sleepHours: row.sleep_hours,
    stress: row.stress,
    halt: halt.every((answer) => answer === null)
      ? null
      : {
          hungry: row.halt_hungry === 1,
          angry: row.halt_angry === 1,
          lonely: row.halt_lonely === 1,
          tired: row.halt_tired === 1,
        },
    meeting: fromFlag(row.meeting),
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
