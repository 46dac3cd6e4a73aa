import type { Insertable, Kysely, Updateable } from "kysely";
import type { Database } from "../../db/schema";
import type {
  DoseLogTable,
  MedicationRegimenTable,
  RegimenChangeTable,
} from "../../db/tables/medication";

/** Regimen, its changes and the dose log. */

export function findRegimen(db: Kysely<Database>, memberId: string) {
  return db
    .selectFrom("medication_regimens")
    .selectAll()
    .where("member_id", "=", memberId)
    .executeTakeFirst();
}

/**
 * Takes the member's regimen row lock for the rest of the transaction (PostgreSQL), so two
 * dose logs for one member cannot both count the same take-home; SQLite writes one
 * transaction at a time anyway.
 */
export async function lockRegimen(db: Kysely<Database>, memberId: string): Promise<void> {
  await db
    .updateTable("medication_regimens")
    .set((eb) => ({ take_homes_on_hand: eb.ref("take_homes_on_hand") }))
    .where("member_id", "=", memberId)
    .execute();
}

export async function insertRegimen(db: Kysely<Database>, row: Insertable<MedicationRegimenTable>) {
  await db.insertInto("medication_regimens").values(row).execute();
}

export async function updateRegimen(
  db: Kysely<Database>,
  memberId: string,
  changes: Updateable<MedicationRegimenTable>,
) {
  await db
    .updateTable("medication_regimens")
    .set(changes)
    .where("member_id", "=", memberId)
    .execute();
}

export async function insertRegimenChange(
  db: Kysely<Database>,
  row: Insertable<RegimenChangeTable>,
) {
  await db.insertInto("regimen_changes").values(row).execute();
}

export function listRegimenChanges(db: Kysely<Database>, memberId: string) {
  return (
    db
      .selectFrom("regimen_changes")
      .selectAll()
      .where("member_id", "=", memberId)
      // The order they were entered, newest first: the history reads as a log of changes.
      .orderBy("recorded_at", "desc")
      .limit(500)
      .execute()
  );
}

export function findDoseForScheduled(db: Kysely<Database>, memberId: string, scheduledFor: string) {
  return db
    .selectFrom("dose_logs")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("scheduled_for", "=", scheduledFor)
    .executeTakeFirst();
}

export async function insertDose(db: Kysely<Database>, row: Insertable<DoseLogTable>) {
  await db.insertInto("dose_logs").values(row).execute();
}

export async function replaceDose(
  db: Kysely<Database>,
  memberId: string,
  id: string,
  changes: Updateable<DoseLogTable>,
) {
  await db
    .updateTable("dose_logs")
    .set(changes)
    .where("member_id", "=", memberId)
    .where("id", "=", id)
    .execute();
}

export function findDose(db: Kysely<Database>, memberId: string, id: string) {
  return db
    .selectFrom("dose_logs")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
}

/** Doses logged on local days from `from` through `to`, in time order. */
export function listDoses(db: Kysely<Database>, memberId: string, from: string, to: string) {
  return db
    .selectFrom("dose_logs")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("local_day", ">=", from)
    .where("local_day", "<=", to)
    .orderBy("local_day")
    .orderBy("recorded_at")
    .limit(5000)
    .execute();
}

/** The start of the next clinic visit after an instant, if one is on the calendar. */
export async function nextClinicVisit(
  db: Kysely<Database>,
  memberId: string,
  after: string,
): Promise<string | null> {
  const row = await db
    .selectFrom("appointments")
    .select("starts_at")
    .where("member_id", "=", memberId)
    .where("kind", "=", "clinic_visit")
    .where("starts_at", ">", after)
    .orderBy("starts_at")
    .limit(1)
    .executeTakeFirst();
  return row?.starts_at ?? null;
}
