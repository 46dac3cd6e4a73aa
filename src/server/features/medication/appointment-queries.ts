import type { Insertable, Kysely, Updateable } from "kysely";
import type { Database } from "../../db/schema";
import type { AppointmentTable } from "../../db/tables/medication";

export async function insertAppointment(db: Kysely<Database>, row: Insertable<AppointmentTable>) {
  await db.insertInto("appointments").values(row).execute();
}

/** Updates one of the member's appointments; false when the member has no such appointment. */
export async function updateAppointment(
  db: Kysely<Database>,
  memberId: string,
  id: string,
  changes: Updateable<AppointmentTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("appointments")
    .set(changes)
    .where("member_id", "=", memberId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteAppointment(
  db: Kysely<Database>,
  memberId: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom("appointments")
    .where("member_id", "=", memberId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export function findAppointment(db: Kysely<Database>, memberId: string, id: string) {
  return db
    .selectFrom("appointments")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Appointments starting in [from, to), in time order. */
export function listAppointments(db: Kysely<Database>, memberId: string, from: string, to: string) {
  return db
    .selectFrom("appointments")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("starts_at", ">=", from)
    .where("starts_at", "<", to)
    .orderBy("starts_at")
    .limit(2000)
    .execute();
}
