import type { Kysely } from "kysely";
import type { Meeting } from "../../../domain/api/support";
import { type MeetingDraft, meetingFromFeedRow } from "../../../domain/meetings";
import type { Database } from "../../db/schema";
import type { MeetingTable } from "../../db/tables/support";
import * as queries from "./queries";

/** Feed rows read one by one: good ones kept, bad ones reported by index with the reason. */
export function readFeedRows(rows: readonly unknown[], fallbackZone: string) {
  const drafts: MeetingDraft[] = [];
  const skipped: { index: number; reason: string }[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const result = meetingFromFeedRow(row, fallbackZone);
    if (!result.ok) {
      skipped.push({ index, reason: result.reason });
      return;
    }
    const earlier = seen.get(result.meeting.slug);
    if (earlier !== undefined) {
      skipped.push({ index, reason: `slug repeats row ${earlier}` });
      return;
    }
    seen.set(result.meeting.slug, index);
    drafts.push(result.meeting);
  });
  return { drafts, skipped };
}

/**
 * Writes the meetings for an owner: a known slug keeps its id (so saved meetings and
 * attendance still point at it), a new slug gets one. A feed refresh also removes the
 * feed's meetings that are no longer in it. Run inside the caller's transaction.
 */
export async function writeMeetings(
  trx: Kysely<Database>,
  owner: { id: string; kind: MeetingTable["owner_kind"] },
  feedId: string | null,
  drafts: MeetingDraft[],
  now: Date,
  newId: () => string,
) {
  const existing = new Map(
    (await queries.meetingSlugs(trx, owner.id)).map((row) => [row.slug, row]),
  );
  let imported = 0;
  let updated = 0;
  for (const draft of drafts) {
    const known = existing.get(draft.slug);
    const row = rowOf(
      owner,
      known?.id ?? newId(),
      feedId,
      draft,
      known?.created_at ?? now.toISOString(),
      now,
    );
    if (known) {
      await queries.replaceMeeting(trx, row);
      updated += 1;
    } else {
      await queries.insertMeeting(trx, row);
      imported += 1;
    }
  }
  if (feedId) {
    const kept = new Set(drafts.map((draft) => draft.slug));
    const gone = [...existing.values()].filter(
      (row) => row.feed_id === feedId && !kept.has(row.slug),
    );
    await queries.deleteMeetings(
      trx,
      owner.id,
      gone.map((row) => row.id),
    );
  }
  return { imported, updated };
}

function rowOf(
  owner: { id: string; kind: MeetingTable["owner_kind"] },
  id: string,
  feedId: string | null,
  draft: MeetingDraft,
  createdAt: string,
  now: Date,
): MeetingTable {
  return {
    owner_id: owner.id,
    id,
    owner_kind: owner.kind,
    feed_id: feedId,
    slug: draft.slug,
    name: draft.name,
    days: JSON.stringify(draft.days),
    time: draft.time,
    end_time: draft.endTime,
    time_zone: draft.timeZone,
    types: JSON.stringify(draft.types),
    online: draft.online ? 1 : 0,
    in_person: draft.inPerson ? 1 : 0,
    location: draft.location,
    address: draft.address,
    latitude: draft.latitude,
    longitude: draft.longitude,
    conference_url: draft.conferenceUrl,
    notes: draft.notes,
    group_name: draft.group,
    created_at: createdAt,
    updated_at: now.toISOString(),
  };
}

/** `saved`: the member's saved-meeting entry (with its reminder), or undefined when not saved. */
export function meetingFromRow(
  row: MeetingTable,
  saved: { remindMinutesBefore: number | null } | undefined,
): Meeting {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    days: numbers(row.days),
    time: row.time,
    endTime: row.end_time,
    timeZone: row.time_zone,
    types: strings(row.types),
    online: row.online !== 0,
    inPerson: row.in_person !== 0,
    location: row.location,
    address: row.address,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    conferenceUrl: row.conference_url,
    notes: row.notes,
    group: row.group_name,
    source: row.owner_kind === "organization" ? "organization" : "member",
    saved: saved !== undefined,
    remindMinutesBefore: saved?.remindMinutesBefore ?? null,
  };
}

function numbers(json: string): number[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((n): n is number => typeof n === "number") : [];
}
function strings(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === "string") : [];
}
