// Medication for opioid use disorder: the regimen as prescribed and its history of changes.
// Waymark records what was prescribed; it never suggests a dose or judges one.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { takeHomeOutlook } from "../../../domain/adherence";
import type { RegimenView } from "../../../domain/api/medication";
import {
  type DoseSchedule,
  doseScheduleSchema,
  effectivePeriods,
  localDayAt,
  type SchedulePeriod,
  upcomingDoses,
} from "../../../domain/dose-schedule";
import {
  canonicalSchedule,
  type DoseUnit,
  type Medication,
  type RegimenInput,
  samePrescription,
} from "../../../domain/medication";
import type { Database } from "../../db/schema";
import type { MedicationRegimenTable } from "../../db/tables/medication";
import type { WriteOnce } from "../../http/idempotency";
import type { Actor } from "../../security/session";
import { authorizeRead, authorizeWrite, memberSettings, textOrNull } from "./access";
import * as queries from "./queries";

export async function getRegimen(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  now = new Date(),
): Promise<{ regimen: RegimenView | null }> {
  await authorizeRead(db, actor, memberId, "medication", "medication regimen", now);
  const member = await memberSettings(db, memberId, now);
  const row = await queries.findRegimen(db, memberId);
  if (!row) return { regimen: null };
  return { regimen: await regimenView(db, row, member.timeZone, now) };
}

export async function setRegimen(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  input: RegimenInput,
  writeOnce: WriteOnce,
  now = new Date(),
) {
  await authorizeWrite(db, actor, memberId, "medication", "medication regimen", now);
  const member = await memberSettings(db, memberId, now);
  return writeOnce(async (trx) => {
    const current = await queries.findRegimen(trx, memberId);
    const changed = !current || !samePrescription(prescriptionOf(current), input);
    const effectiveDate =
      input.effectiveDate ?? (changed ? member.today : (current?.effective_date ?? member.today));
    const schedule = canonicalSchedule(input.schedule);
    if (changed) {
      await queries.insertRegimenChange(trx, {
        member_id: memberId,
        id: randomUUID(),
        medication: input.medication,
        dose_amount: input.doseAmount,
        dose_unit: input.doseUnit,
        schedule,
        prescriber: textOrNull(input.prescriber),
        effective_date: effectiveDate,
        note: textOrNull(input.note),
        recorded_at: now.toISOString(),
      });
    }
    const dispensing =
      input.dispensing === undefined
        ? {
            dispensing_name: current?.dispensing_name ?? null,
            dispensing_hours: current?.dispensing_hours ?? null,
            dispensing_phone: current?.dispensing_phone ?? null,
          }
        : {
            dispensing_name: input.dispensing?.name ?? null,
            dispensing_hours: textOrNull(input.dispensing?.hours),
            dispensing_phone: textOrNull(input.dispensing?.phone),
          };
    const values = {
      medication: input.medication,
      dose_amount: input.doseAmount,
      dose_unit: input.doseUnit,
      schedule,
      ...dispensing,
      take_homes_on_hand: input.takeHomesOnHand ?? current?.take_homes_on_hand ?? 0,
      prescriber:
        input.prescriber === undefined
          ? (current?.prescriber ?? null)
          : textOrNull(input.prescriber),
      effective_date: effectiveDate,
      note: input.note === undefined ? (current?.note ?? null) : textOrNull(input.note),
      updated_at: now.toISOString(),
    };
    if (current) await queries.updateRegimen(trx, memberId, values);
    else
      await queries.insertRegimen(trx, {
        member_id: memberId,
        ...values,
        created_at: now.toISOString(),
      });
    const row = await queries.findRegimen(trx, memberId);
    if (!row) throw new Error("the regimen just written is missing");
    return {
      statusCode: current ? 200 : 201,
      body: { regimen: await regimenView(trx, row, member.timeZone, now), changed },
    };
  });
}

export async function listRegimenHistory(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  now = new Date(),
) {
  await authorizeRead(db, actor, memberId, "medication", "medication history", now);
  await memberSettings(db, memberId, now);
  const rows = await queries.listRegimenChanges(db, memberId);
  return {
    changes: rows.map((row) => ({
      id: row.id,
      medication: row.medication as Medication,
      doseAmount: row.dose_amount,
      doseUnit: row.dose_unit as DoseUnit,
      schedule: parseSchedule(row.schedule),
      prescriber: row.prescriber,
      effectiveDate: row.effective_date,
      note: row.note,
      recordedAt: row.recorded_at,
    })),
  };
}

/** The schedule periods of a member's history, for adherence over past days. */
export async function schedulePeriods(
  db: Kysely<Database>,
  memberId: string,
): Promise<SchedulePeriod[]> {
  const rows = await queries.listRegimenChanges(db, memberId);
  return effectivePeriods(
    rows.map((row) => ({
      schedule: parseSchedule(row.schedule),
      effectiveFrom: row.effective_date,
      recordedAt: row.recorded_at,
    })),
  );
}

export function parseSchedule(stored: string): DoseSchedule {
  return doseScheduleSchema.parse(JSON.parse(stored));
}

function prescriptionOf(row: MedicationRegimenTable) {
  return {
    medication: row.medication as Medication,
    doseAmount: row.dose_amount,
    doseUnit: row.dose_unit as DoseUnit,
    schedule: parseSchedule(row.schedule),
  };
}

/** Take-homes: how far they reach and whether the member should hear about it. */
export async function takeHomesAfter(
  db: Kysely<Database>,
  memberId: string,
  schedule: DoseSchedule,
  onHand: number,
  after: Date,
  timeZone: string,
) {
  const upcoming = upcomingDoses(schedule, after, timeZone, onHand + 1);
  const visit = await queries.nextClinicVisit(db, memberId, after.toISOString());
  const visitDay = visit ? localDayAt(new Date(visit), timeZone) : null;
  return { upcoming, outlook: takeHomeOutlook(onHand, upcoming, visitDay, timeZone) };
}

async function regimenView(
  db: Kysely<Database>,
  row: MedicationRegimenTable,
  timeZone: string,
  now: Date,
): Promise<RegimenView> {
  const schedule = parseSchedule(row.schedule);
  const onHand = row.take_homes_on_hand;
  const { upcoming, outlook } = await takeHomesAfter(
    db,
    row.member_id,
    schedule,
    onHand,
    now,
    timeZone,
  );
  const nextDoses =
    onHand + 1 >= 3 ? upcoming.slice(0, 3) : upcomingDoses(schedule, now, timeZone, 3);
  return {
    medication: row.medication as Medication,
    doseAmount: row.dose_amount,
    doseUnit: row.dose_unit as DoseUnit,
    schedule,
    dispensing: row.dispensing_name
      ? { name: row.dispensing_name, hours: row.dispensing_hours, phone: row.dispensing_phone }
      : null,
    prescriber: row.prescriber,
    effectiveDate: row.effective_date,
    note: row.note,
    takeHomes: {
      onHand,
      // With none on hand there is nothing to run low; the dose log warns when the last goes.
      low: onHand > 0 && outlook.low,
      lastCoveredDose: outlook.lastCovered?.toISOString() ?? null,
    },
    nextDoses: nextDoses.map((instant) => instant.toISOString()),
    updatedAt: row.updated_at,
  };
}
