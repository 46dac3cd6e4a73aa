import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type {
  AppointmentBody,
  AppointmentView,
  MedicationRangeQuery,
} from "../../../domain/api/medication";
import {
  type AppointmentKind,
  appointmentTimesProblem,
} from "../../../domain/medication-appointments";
import type { Database } from "../../db/schema";
import type { AppointmentTable } from "../../db/tables/medication";
import { AppError, notFound } from "../../errors";
import type { WriteOnce } from "../../http/idempotency";
import type { Actor } from "../../security/session";
import {
  addScheduleDays,
  authorizeRead,
  authorizeWrite,
  memberSettings,
  resolveRange,
  startOfDay,
  textOrNull,
} from "./access";
import * as queries from "./appointment-queries";

/** Appointments a person in treatment keeps: clinic visits, counseling, court dates and more. */

export async function createAppointment(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  body: AppointmentBody,
  writeOnce: WriteOnce,
  now = new Date(),
) {
  await authorizeWrite(db, actor, memberId, "appointments", "appointments", now);
  await memberSettings(db, memberId, now);
  const values = appointmentValues(body);
  return writeOnce(async (trx) => {
    const id = randomUUID();
    await queries.insertAppointment(trx, {
      member_id: memberId,
      id,
      ...values,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    const row = await queries.findAppointment(trx, memberId, id);
    if (!row) throw new Error("the appointment just written is missing");
    return { statusCode: 201, body: appointmentView(row) };
  });
}

export async function updateAppointment(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  appointmentId: string,
  body: AppointmentBody,
  writeOnce: WriteOnce,
  now = new Date(),
) {
  await authorizeWrite(db, actor, memberId, "appointments", "appointments", now);
  const values = appointmentValues(body);
  return writeOnce(async (trx) => {
    const updated = await queries.updateAppointment(trx, memberId, appointmentId, {
      ...values,
      updated_at: now.toISOString(),
    });
    if (!updated) throw notFound("That appointment");
    const row = await queries.findAppointment(trx, memberId, appointmentId);
    if (!row) throw notFound("That appointment");
    return { statusCode: 200, body: appointmentView(row) };
  });
}

export async function deleteAppointment(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  appointmentId: string,
  writeOnce: WriteOnce,
  now = new Date(),
) {
  await authorizeWrite(db, actor, memberId, "appointments", "appointments", now);
  return writeOnce(async (trx) => {
    if (!(await queries.deleteAppointment(trx, memberId, appointmentId))) {
      throw notFound("That appointment");
    }
    return { statusCode: 200, body: { ok: true as const } };
  });
}

export async function listAppointments(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  query: MedicationRangeQuery,
  now = new Date(),
) {
  const words =
    query.from || query.to
      ? `appointments ${query.from ?? "…"} to ${query.to ?? "…"}`
      : "appointments";
  await authorizeRead(db, actor, memberId, "appointments", words, now);
  const member = await memberSettings(db, memberId, now);
  const range = resolveRange(query, {
    from: addScheduleDays(member.today, -30),
    to: addScheduleDays(member.today, 180),
  });
  const rows = await queries.listAppointments(
    db,
    memberId,
    startOfDay(range.from, member.timeZone).toISOString(),
    startOfDay(addScheduleDays(range.to, 1), member.timeZone).toISOString(),
  );
  return { ...range, appointments: rows.map(appointmentView) };
}

function appointmentValues(body: AppointmentBody) {
  const startsAt = new Date(body.startsAt);
  const endsAt = body.endsAt ? new Date(body.endsAt) : null;
  const problem = appointmentTimesProblem(startsAt, endsAt);
  if (problem) throw new AppError("validation_error", 400, `Check "endsAt": ${problem}.`, "endsAt");
  if (startsAt.getTime() < Date.UTC(1900, 0, 1) || startsAt.getTime() > Date.UTC(2200, 0, 1)) {
    throw new AppError(
      "validation_error",
      400,
      'Check "startsAt": choose a real date.',
      "startsAt",
    );
  }
  return {
    kind: body.kind,
    title: textOrNull(body.title),
    starts_at: startsAt.toISOString(),
    ends_at: endsAt?.toISOString() ?? null,
    place: textOrNull(body.place),
    notes: textOrNull(body.notes),
  };
}

export function appointmentView(row: AppointmentTable): AppointmentView {
  return {
    id: row.id,
    kind: row.kind as AppointmentKind,
    title: row.title,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.place,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
