// Finding a meeting tonight: search the member's own and their organizations' meetings by
// time window, weekday, type, online or in person and distance; save favourites.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Meeting, MeetingSearchQuery, SaveMeetingBody } from "../../../domain/api/support";
import {
  haversineKm,
  isTimeZone,
  meetingFromFeedRow,
  meetingStartsBetween,
  searchWindow,
} from "../../../domain/meetings";
import type { Database } from "../../db/schema";
import { AppError, notFound } from "../../errors";
import type { IdempotentResult, WriteOnce } from "../../http/idempotency";
import { authorize } from "../../security/policy";
import type { Actor } from "../../security/session";
import { CONTACTS_CATEGORY } from "./access";
import { meetingFromRow, writeMeetings } from "./meeting-rows";
import * as queries from "./queries";

export async function searchMeetings(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  query: MeetingSearchQuery,
  now = new Date(),
) {
  await authorize(db, actor, memberId, CONTACTS_CATEGORY, "read", "meetings", now);
  const member = await queries.findMember(db, memberId);
  if (!member) throw notFound("That person");
  const timeZone = query.timeZone ?? member.time_zone;
  if (!isTimeZone(timeZone)) {
    throw new AppError("invalid_time_zone", 400, "That time zone is not known.", "timeZone");
  }
  const { start, end } = searchWindow({
    at: query.at ? new Date(query.at) : now,
    timeZone,
    withinHours: query.withinHours,
    day: query.day,
    from: query.from,
    to: query.to,
  });
  const owners = [memberId, ...(await queries.organizationIdsOf(db, memberId))];
  const saved = await queries.savedMeetings(db, memberId);
  const point =
    query.latitude !== undefined && query.longitude !== undefined
      ? { latitude: query.latitude, longitude: query.longitude }
      : null;

  const found = (await queries.visibleMeetings(db, owners)).flatMap((row) => {
    const meeting = meetingFromRow(row, saved.get(row.id));
    if (query.saved === "true" && !meeting.saved) return [];
    if (query.types && !query.types.every((code) => meeting.types.includes(code))) return [];
    if (query.mode === "online" && !meeting.online) return [];
    if (query.mode === "in_person" && !meeting.inPerson) return [];
    const distanceKm =
      point && meeting.latitude !== null && meeting.longitude !== null
        ? haversineKm(point, { latitude: meeting.latitude, longitude: meeting.longitude })
        : null;
    if (query.radiusKm !== undefined && (distanceKm === null || distanceKm > query.radiusKm)) {
      return [];
    }
    const startsAt = meetingStartsBetween(meeting, start, end)[0];
    if (!startsAt) return [];
    return [{ ...meeting, startsAt: startsAt.toISOString(), distanceKm }];
  });
  found.sort(
    (a, b) =>
      a.startsAt.localeCompare(b.startsAt) ||
      (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) ||
      a.name.localeCompare(b.name),
  );
  return { start: start.toISOString(), end: end.toISOString(), meetings: found };
}

/** A meeting entered by hand: one row in the Meeting Guide shape, kept for the member. */
export async function createMeeting(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  row: Record<string, unknown>,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<Meeting>> {
  await authorize(db, actor, memberId, CONTACTS_CATEGORY, "write", "a meeting", now);
  const member = await queries.findMember(db, memberId);
  if (!member) throw notFound("That person");
  const result = meetingFromFeedRow({ ...row, slug: `manual-${randomUUID()}` }, member.time_zone);
  if (!result.ok) {
    // The reason starts with the field it is about; "no address, location or conference
    // link" is about where the meeting is.
    const named = /^(\w+)/.exec(result.reason)?.[1] ?? "name";
    const field = named === "no" ? "address" : named;
    throw new AppError("invalid_meeting", 400, `Check the meeting: ${result.reason}.`, field);
  }
  return writeOnce(async (trx) => {
    await writeMeetings(
      trx,
      { id: memberId, kind: "member" },
      null,
      [result.meeting],
      now,
      randomUUID,
    );
    const stored = await queries.meetingSlugs(trx, memberId);
    const id = stored.find((entry) => entry.slug === result.meeting.slug)?.id as string;
    const saved = await queries.findVisibleMeeting(trx, [memberId], id);
    if (!saved) throw notFound("That meeting");
    return { statusCode: 201, body: meetingFromRow(saved, undefined) };
  });
}

/**
 * Saves or unsaves a meeting the member can see; with `saved: true`, optionally sets the
 * reminder lead (null turns the reminder off). Unsaving removes the reminder too.
 */
export async function saveMeeting(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  meetingId: string,
  body: SaveMeetingBody,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<Meeting>> {
  await authorize(db, actor, memberId, CONTACTS_CATEGORY, "write", "a saved meeting", now);
  return writeOnce(async (trx) => {
    const owners = [memberId, ...(await queries.organizationIdsOf(trx, memberId))];
    const row = await queries.findVisibleMeeting(trx, owners, meetingId);
    if (!row) throw notFound("That meeting");
    await queries.setSaved(
      trx,
      memberId,
      meetingId,
      body.saved,
      now.toISOString(),
      body.remindMinutesBefore,
    );
    const saved = (await queries.savedMeetings(trx, memberId)).get(meetingId);
    return { statusCode: 200, body: meetingFromRow(row, saved) };
  });
}
