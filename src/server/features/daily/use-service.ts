// Lapse and return: a recorded use is answered with safety first and never resets progress;
// progress is computed by the domain from the member's whole history in their time zone.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DayRangeQuery, RecordedUse, Use, UseBody } from "../../../domain/api/daily";
import { lapseSafety } from "../../../domain/lapse";
import { localDayOf } from "../../../domain/local-day";
import {
  checkinCountBounds,
  computeProgress,
  daysWithoutUseBefore,
  type Progress,
  type ProgressCheckin,
  recentCheckinsFrom,
} from "../../../domain/progress";
import type { Database } from "../../db/schema";
import type { UseEventTable } from "../../db/tables/daily";
import { notFound } from "../../errors";
import type { IdempotentResult, WriteOnce } from "../../http/idempotency";
import { authorize, authorizeMemberView } from "../../security/policy";
import type { Actor } from "../../security/session";
import {
  describeRange,
  memberClock,
  reportedInstant,
  resolveRange,
  textOrNull,
} from "./member-clock";
import * as queries from "./queries";

export async function recordUse(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  body: UseBody,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<RecordedUse>> {
  await authorize(db, actor, memberId, "use", "write", "a recorded use", now);
  return writeOnce(async (trx) => {
    const clock = await memberClock(trx, memberId, now);
    const at = reportedInstant(body.at, now);
    const row: UseEventTable = {
      member_id: memberId,
      id: randomUUID(),
      at: at.toISOString(),
      local_day: localDayOf(at, clock.timeZone),
      substance: textOrNull(body.substance),
      amount: textOrNull(body.amount),
      place: textOrNull(body.where),
      note: textOrNull(body.note),
      created_at: now.toISOString(),
    };
    const history = await historyOf(trx, memberId);
    await queries.insertUse(trx, row);
    const before = daysWithoutUseBefore(
      { accountCreatedOn: clock.accountCreatedOn, ...history },
      row.local_day,
    );
    return { statusCode: 201, body: { use: useFromRow(row), safety: lapseSafety(before) } };
  });
}

export async function listUses(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  query: DayRangeQuery,
  now = new Date(),
) {
  await authorize(db, actor, memberId, "use", "read", describeRange("recorded uses", query), now);
  const { today } = await memberClock(db, memberId, now);
  const { from, to } = resolveRange(query, today);
  const rows = await queries.listUses(db, memberId, from, to);
  return { from, to, uses: rows.map(useFromRow) };
}

/** Undo for a use recorded by mistake; the day counts as without use again unless a check-in says otherwise. */
export async function deleteUse(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  useId: string,
  now = new Date(),
): Promise<void> {
  await authorize(db, actor, memberId, "use", "write", "a recorded use", now);
  if (!(await queries.deleteUse(db, memberId, useId))) throw notFound("That recorded use");
}

export async function getProgress(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  now = new Date(),
): Promise<Progress> {
  // Progress shows mood and craving averages (check-ins) and days with use (use).
  await authorizeMemberView(
    db,
    actor,
    { memberId, name: "progress", categories: ["checkins", "use"] },
    now,
  );
  const clock = await memberClock(db, memberId, now);
  // The member's own start date and daily cost come from the intake (the plan feature).
  const profile = await queries.findRecoveryProfile(db, memberId);
  const recoveryStart = profile?.recovery_start ?? null;
  // A ten-year history is summed up in SQL; only the recent days and days with use travel.
  const checkinTotals = await queries.checkinTotals(
    db,
    memberId,
    checkinCountBounds(recoveryStart, clock.today),
  );
  const checkins = await queries.listRecentOrUsedCheckins(
    db,
    memberId,
    recentCheckinsFrom(clock.today),
  );
  const useDays = await queries.listUseDays(db, memberId);
  const planSteps = await queries.countPlanSteps(db, memberId);
  return computeProgress({
    today: clock.today,
    accountCreatedOn: clock.accountCreatedOn,
    recoveryStart,
    costPerDay: profile?.cost_per_day ?? null,
    planSteps,
    checkins: checkins.map(progressCheckinFromRow),
    checkinTotals,
    useDays: useDays.map((u) => u.local_day),
  });
}

async function historyOf(db: Kysely<Database>, memberId: string) {
  // One after the other: inside a transaction both run on the same connection anyway.
  const checkins = await queries.listCheckinSummaries(db, memberId);
  const useDays = await queries.listUseDays(db, memberId);
  return {
    checkins: checkins.map(progressCheckinFromRow),
    useDays: useDays.map((u) => u.local_day),
  };
}

function progressCheckinFromRow(row: {
  local_day: string;
  used: number;
  mood: number;
  craving: number;
}): ProgressCheckin {
  return { date: row.local_day, used: row.used !== 0, mood: row.mood, craving: row.craving };
}

function useFromRow(row: UseEventTable): Use {
  return {
    id: row.id,
    at: row.at,
    date: row.local_day,
    substance: row.substance,
    amount: row.amount,
    where: row.place,
    note: row.note,
    createdAt: row.created_at,
  };
}
