// Meetings the member went to, with an optional note or a signer's name, and the attendance
// record as a PDF for a court or program that asks for proof.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Attendance, AttendanceBody } from "../../../domain/api/support";
import {
  addLocalDays,
  instantProblem,
  localDayOf,
  localDaysBetween,
} from "../../../domain/local-day";
import type { Database } from "../../db/schema";
import type { AttendanceTable } from "../../db/tables/support";
import { AppError, notFound } from "../../errors";
import type { IdempotentResult, WriteOnce } from "../../http/idempotency";
import { authorize } from "../../security/policy";
import type { Actor } from "../../security/session";
import { ATTENDANCE_CATEGORY, textOrNull } from "./access";
import { renderAttendancePdf } from "./attendance-pdf";
import * as queries from "./queries";

const DEFAULT_DAYS = 90;
const MAX_DAYS = 400;

export async function logAttendance(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  body: AttendanceBody,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<Attendance>> {
  await authorize(db, actor, memberId, ATTENDANCE_CATEGORY, "write", "attendance", now);
  const at = body.at === undefined ? now : new Date(body.at);
  const problem = instantProblem(at, now);
  if (problem) {
    throw new AppError(
      problem === "in_future" ? "time_in_future" : "time_too_early",
      400,
      problem === "in_future"
        ? "That meeting is still to come. Log it once you have been."
        : "Please choose a time after 1900.",
      "at",
    );
  }
  return writeOnce(async (trx) => {
    const member = await queries.findMember(trx, memberId);
    if (!member) throw notFound("That person");
    let meetingName = body.meetingName ?? "";
    if (body.meetingId !== undefined) {
      const owners = [memberId, ...(await queries.organizationIdsOf(trx, memberId))];
      const meeting = await queries.findVisibleMeeting(trx, owners, body.meetingId);
      if (!meeting) {
        throw new AppError(
          "meeting_not_found",
          400,
          "We could not find that meeting. Give its name instead (meetingName).",
          "meetingId",
        );
      }
      meetingName = body.meetingName || meeting.name;
    }
    const row: AttendanceTable = {
      member_id: memberId,
      id: randomUUID(),
      meeting_id: body.meetingId ?? null,
      meeting_name: meetingName,
      at: at.toISOString(),
      local_day: localDayOf(at, member.time_zone),
      note: textOrNull(body.note),
      signer_name: textOrNull(body.signerName),
      created_at: now.toISOString(),
    };
    await queries.insertAttendance(trx, row);
    return { statusCode: 201, body: attendanceFromRow(row) };
  });
}

export async function listAttendance(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  range: { from?: string | undefined; to?: string | undefined },
  now = new Date(),
) {
  const { from, to, member } = await rangeFor(db, actor, memberId, range, "attendance", now);
  const rows = await queries.listAttendance(db, memberId, from, to);
  return { from, to, timeZone: member.time_zone, attendance: rows.map(attendanceFromRow) };
}

export async function getAttendancePdf(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  range: { from?: string | undefined; to?: string | undefined },
  now = new Date(),
): Promise<Buffer> {
  const { from, to, member } = await rangeFor(
    db,
    actor,
    memberId,
    range,
    "attendance record (PDF)",
    now,
  );
  const rows = await queries.listAttendance(db, memberId, from, to);
  return renderAttendancePdf({
    memberName: member.display_name ?? member.email,
    from,
    to,
    timeZone: member.time_zone,
    generatedAt: now,
    entries: rows.map(attendanceFromRow),
  });
}

async function rangeFor(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  range: { from?: string | undefined; to?: string | undefined },
  what: string,
  now: Date,
) {
  const words = range.from && range.to ? `${what} ${range.from} to ${range.to}` : what;
  await authorize(db, actor, memberId, ATTENDANCE_CATEGORY, "read", words, now);
  const member = await queries.findMember(db, memberId);
  if (!member) throw notFound("That person");
  const to = range.to ?? localDayOf(now, member.time_zone);
  const from = range.from ?? addLocalDays(to, -(DEFAULT_DAYS - 1));
  if (from > to) {
    throw new AppError("range_reversed", 400, "The start (from) comes after the end (to).", "from");
  }
  if (localDaysBetween(from, to) + 1 > MAX_DAYS) {
    throw new AppError("range_too_long", 400, `Ask for at most ${MAX_DAYS} days at a time.`, "to");
  }
  return { from, to, member };
}

function attendanceFromRow(row: AttendanceTable): Attendance {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    meetingName: row.meeting_name,
    at: row.at,
    date: row.local_day,
    note: row.note,
    signerName: row.signer_name,
    createdAt: row.created_at,
  };
}
