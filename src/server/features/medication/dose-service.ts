import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import {
  countDownTakeHomes,
  DEFAULT_GRACE_MINUTES,
  doseOutcomes,
  type LoggedDose,
  summarizeAdherence,
} from "../../../domain/adherence";
import type { DoseBody, DoseView, MedicationRangeQuery } from "../../../domain/api/medication";
import {
  localDayAt,
  nearestScheduledDose,
  scheduledDosesForPeriods,
} from "../../../domain/dose-schedule";
import type { Database } from "../../db/schema";
import type { DoseLogTable } from "../../db/tables/medication";
import { AppError } from "../../errors";
import type { WriteOnce } from "../../http/idempotency";
import type { Actor } from "../../security/session";
import {
  addScheduleDays,
  authorizeRead,
  authorizeWrite,
  fromFlag,
  isUniqueViolation,
  memberSettings,
  monthStart,
  reportedInstant,
  resolveRange,
  textOrNull,
  toFlag,
} from "./access";
import * as queries from "./queries";
import { parseSchedule, schedulePeriods, takeHomesAfter } from "./service";

/**
 * The dose log: taken, taken late or missed, tied to the scheduled dose it answers, and the
 * take-home count that goes down with every take-home dose. A second answer for the same
 * scheduled dose replaces the first (marking a dose missed, then taken late, is an update).
 */

// A dose logged a little ahead (tonight's dose taken early) still counts.
const SCHEDULED_AHEAD_MS = 24 * 3600_000;
const SNAP_MS = 5 * 60_000;

export async function logDose(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  body: DoseBody,
  writeOnce: WriteOnce,
  now = new Date(),
) {
  await authorizeWrite(db, actor, memberId, "medication", "dose log", now);
  const member = await memberSettings(db, memberId, now);
  const at = reportedInstant(body.at, now, "at");
  const periods = await schedulePeriods(db, memberId);
  // A given time snaps to the scheduled dose it names (clients may send it to the minute);
  // without one, the dose nearest to when it was taken.
  const asked = body.scheduledFor ? checkedScheduledFor(body.scheduledFor, now) : null;
  const scheduledFor = asked
    ? (nearestScheduledDose(periods, asked, member.timeZone, SNAP_MS) ?? asked)
    : nearestScheduledDose(periods, at, member.timeZone);
  const consumes = body.takeHome && body.status !== "missed" ? 1 : 0;
  try {
    return await writeOnce(async (trx) => {
      await queries.lockRegimen(trx, memberId);
      const regimen = await queries.findRegimen(trx, memberId);
      const previous = scheduledFor
        ? await queries.findDoseForScheduled(trx, memberId, scheduledFor.toISOString())
        : undefined;
      const previouslyConsumed =
        previous && previous.take_home === 1 && previous.status !== "missed" ? 1 : 0;
      const values = {
        status: body.status,
        taken_at: body.status === "missed" ? null : at.toISOString(),
        scheduled_for: scheduledFor?.toISOString() ?? null,
        local_day: localDayAt(scheduledFor ?? at, member.timeZone),
        take_home: toFlag(body.takeHome),
        note: textOrNull(body.note),
        recorded_at: now.toISOString(),
      };
      const id = previous?.id ?? randomUUID();
      if (previous) await queries.replaceDose(trx, memberId, id, values);
      else await queries.insertDose(trx, { member_id: memberId, id, ...values });

      let takeHomesRemaining: number | null = null;
      let takeHomesLow = false;
      if (regimen) {
        const delta = consumes - previouslyConsumed;
        takeHomesRemaining =
          delta >= 0
            ? countDownTakeHomes(regimen.take_homes_on_hand, delta)
            : regimen.take_homes_on_hand - delta;
        if (takeHomesRemaining !== regimen.take_homes_on_hand) {
          await queries.updateRegimen(trx, memberId, {
            take_homes_on_hand: takeHomesRemaining,
            updated_at: now.toISOString(),
          });
        }
        if (consumes) {
          const after = scheduledFor && scheduledFor > now ? scheduledFor : now;
          const { outlook } = await takeHomesAfter(
            trx,
            memberId,
            parseSchedule(regimen.schedule),
            takeHomesRemaining,
            after,
            member.timeZone,
          );
          takeHomesLow = outlook.low;
        }
      }
      const dose = doseView(await queries.findDose(trx, memberId, id));
      return { statusCode: previous ? 200 : 201, body: { dose, takeHomesRemaining, takeHomesLow } };
    });
  } catch (error) {
    // Two answers for one scheduled dose raced (no regimen row to serialize on).
    if (isUniqueViolation(error)) {
      throw new AppError(
        "dose_already_logged",
        409,
        "That dose was just logged from somewhere else. Refresh and try again.",
        "scheduledFor",
      );
    }
    throw error;
  }
}

function checkedScheduledFor(value: string, now: Date): Date {
  const instant = new Date(value);
  if (instant.getTime() > now.getTime() + SCHEDULED_AHEAD_MS) {
    throw new AppError(
      "dose_too_far_ahead",
      400,
      "That dose is more than a day away. Log it when its day comes.",
      "scheduledFor",
    );
  }
  if (instant.getTime() < Date.UTC(1900, 0, 1)) {
    throw new AppError("time_too_early", 400, "Please choose a time after 1900.", "scheduledFor");
  }
  return instant;
}

export async function listDoses(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  query: MedicationRangeQuery,
  now = new Date(),
) {
  const member = await memberSettingsAfterAccess(db, actor, memberId, "dose log", query, now);
  const range = resolveRange(query, { from: addScheduleDays(member.today, -29), to: member.today });
  const rows = await queries.listDoses(db, memberId, range.from, range.to);
  return { ...range, doses: rows.map(doseView) };
}

export async function getAdherence(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  query: MedicationRangeQuery,
  now = new Date(),
) {
  const member = await memberSettingsAfterAccess(db, actor, memberId, "dose adherence", query, now);
  const range = resolveRange(query, { from: monthStart(member.today), to: member.today });
  const periods = await schedulePeriods(db, memberId);
  const scheduled = scheduledDosesForPeriods(periods, range.from, range.to, member.timeZone);
  // A day either side: a loose log near midnight still finds its day's dose.
  const rows = await queries.listDoses(
    db,
    memberId,
    addScheduleDays(range.from, -1),
    addScheduleDays(range.to, 1),
  );
  const outcomes = doseOutcomes(
    scheduled,
    rows.map(loggedDose),
    now,
    member.timeZone,
    DEFAULT_GRACE_MINUTES,
  );
  return {
    ...range,
    timeZone: member.timeZone,
    graceMinutes: DEFAULT_GRACE_MINUTES,
    ...summarizeAdherence(outcomes),
    doses: outcomes.map((outcome) => ({
      scheduledFor: outcome.scheduledFor.toISOString(),
      day: outcome.day,
      state: outcome.state,
      detected: outcome.detected,
      doseId: outcome.doseId,
    })),
  };
}

async function memberSettingsAfterAccess(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  what: string,
  query: MedicationRangeQuery,
  now: Date,
) {
  const words =
    query.from || query.to ? `${what} ${query.from ?? "…"} to ${query.to ?? "…"}` : what;
  await authorizeRead(db, actor, memberId, "medication", words, now);
  return memberSettings(db, memberId, now);
}

export function loggedDose(row: DoseLogTable): LoggedDose {
  return {
    id: row.id,
    status: row.status as LoggedDose["status"],
    takenAt: row.taken_at ? new Date(row.taken_at) : null,
    scheduledFor: row.scheduled_for ? new Date(row.scheduled_for) : null,
    recordedAt: new Date(row.recorded_at),
  };
}

function doseView(row: DoseLogTable): DoseView {
  return {
    id: row.id,
    status: row.status as DoseView["status"],
    takenAt: row.taken_at,
    scheduledFor: row.scheduled_for,
    day: row.local_day,
    takeHome: fromFlag(row.take_home),
    note: row.note,
    recordedAt: row.recorded_at,
  };
}
