import { TZDate } from "@date-fns/tz";
import { addLocalDays, localDayOf } from "./local-day";

/**
 * Recovery meetings as Waymark keeps them, read from the Meeting Guide JSON format (the open
 * feed many 12-step and other group websites publish; fields per the Code for Recovery spec:
 * name, slug, day 0=Sunday..6 or a list, time/end_time "HH:MM", types codes, address or
 * formatted_address, latitude/longitude, conference_url, location, notes, timezone).
 * Pure: the server stores what this returns, the browser can run the same search.
 */
export interface MeetingDraft {
  slug: string;
  name: string;
  /** Weekdays it meets, 0 = Sunday … 6 = Saturday, in the meeting's own zone. */
  days: number[];
  /** Wall time in the meeting's zone, "HH:MM". */
  time: string;
  endTime: string | null;
  timeZone: string;
  /** Meeting Guide type codes, upper case ("O", "C", "ONL", "S", …). */
  types: string[];
  online: boolean;
  inPerson: boolean;
  location: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  conferenceUrl: string | null;
  notes: string | null;
  group: string | null;
}

/** Common Meeting Guide type codes with English labels (the web catalogs translate them). */
export const MEETING_TYPE_CODES: Record<string, string> = {
  O: "Open",
  C: "Closed",
  ONL: "Online",
  TC: "Location temporarily closed",
  S: "Spanish",
  EN: "English",
  D: "Discussion",
  SP: "Speaker",
  ST: "Step study",
  B: "Big Book",
  MED: "Meditation",
  W: "Women",
  M: "Men",
  LGBTQ: "LGBTQ",
  Y: "Young people",
  X: "Wheelchair access",
  BE: "Newcomer",
  CF: "Child-care available",
};

const TIME_PATTERN = /^([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/;

export type FeedRowResult = { ok: true; meeting: MeetingDraft } | { ok: false; reason: string };

/**
 * One feed row to a meeting, or the reason it cannot be one. `fallbackZone` is used when the
 * row names no zone (the spec puts the zone on the feed's site, so most rows carry none).
 */
export function meetingFromFeedRow(row: unknown, fallbackZone: string): FeedRowResult {
  if (typeof row !== "object" || row === null || Array.isArray(row)) {
    return { ok: false, reason: "not an object" };
  }
  const record = row as Record<string, unknown>;
  const name = text(record.name, 200);
  if (!name) return { ok: false, reason: "name is missing" };

  const days = daysOf(record.day);
  if (days === null) return { ok: false, reason: "day must be 0 (Sunday) to 6, or a list of them" };
  if (days.length === 0)
    return { ok: false, reason: "day is missing (meetings by appointment are not listed)" };

  const time = timeOf(record.time);
  if (!time) return { ok: false, reason: 'time must be "HH:MM" (24-hour)' };
  const endTime =
    record.end_time === undefined || record.end_time === null || record.end_time === ""
      ? null
      : timeOf(record.end_time);
  if (endTime === undefined) return { ok: false, reason: 'end_time must be "HH:MM" (24-hour)' };

  const zoneText = text(record.timezone, 64);
  if (zoneText && !isTimeZone(zoneText))
    return { ok: false, reason: "timezone is not a known zone" };
  const timeZone = zoneText ?? fallbackZone;

  const types = Array.isArray(record.types)
    ? record.types
        .filter((t): t is string => typeof t === "string")
        .map((t) => t.trim().toUpperCase())
        .filter(Boolean)
        .slice(0, 40)
    : [];

  const latitude = coordinate(record.latitude, 90);
  const longitude = coordinate(record.longitude, 180);
  if (latitude === undefined)
    return { ok: false, reason: "latitude must be a number from -90 to 90" };
  if (longitude === undefined)
    return { ok: false, reason: "longitude must be a number from -180 to 180" };
  if ((latitude === null) !== (longitude === null)) {
    return { ok: false, reason: "latitude and longitude come together" };
  }

  const conferenceText = text(record.conference_url, 500);
  const conferenceUrl = conferenceText ? webUrl(conferenceText) : null;
  if (conferenceText && !conferenceUrl)
    return { ok: false, reason: "conference_url must be an http(s) link" };

  const address =
    text(record.formatted_address, 300) ??
    ([record.address, record.city, record.state, record.postal_code, record.country]
      .map((part) => text(part, 120))
      .filter(Boolean)
      .join(", ") ||
      null);
  const location = text(record.location, 200);
  const online =
    types.includes("ONL") || conferenceUrl !== null || Boolean(text(record.conference_phone, 60));
  // "TC": the room is temporarily closed; the meeting may still run online.
  const inPerson =
    !types.includes("TC") && (address !== null || location !== null || latitude !== null);
  if (!online && !inPerson) return { ok: false, reason: "no address, location or conference link" };

  const slug = text(record.slug, 200) ?? slugOf(`${name}-${days.join("")}-${time}`);
  return {
    ok: true,
    meeting: {
      slug,
      name,
      days,
      time,
      endTime,
      timeZone,
      types,
      online,
      inPerson,
      location,
      address,
      latitude,
      longitude,
      conferenceUrl,
      notes: text(record.notes, 2000),
      group: text(record.group, 200),
    },
  };
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Great-circle distance in kilometres (haversine, mean Earth radius 6371 km). */
export function haversineKm(
  from: { latitude: number; longitude: number },
  to: { latitude: number; longitude: number },
): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(to.latitude - from.latitude);
  const dLon = rad(to.longitude - from.longitude);
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(rad(from.latitude)) * Math.cos(rad(to.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Every start of a weekly meeting within [start, end], as instants. Each start is the
 * meeting's wall time on a matching weekday in the meeting's own zone, so a meeting at
 * 00:30 on Tuesday is found from 23:30 on Monday, and a Los Angeles meeting is found at the
 * right hour by someone searching from New York.
 */
export function meetingStartsBetween(
  meeting: Pick<MeetingDraft, "days" | "time" | "timeZone">,
  start: Date,
  end: Date,
): Date[] {
  const [hours, minutes] = meeting.time.split(":").map(Number) as [number, number];
  const first = addLocalDays(localDayOf(start, meeting.timeZone), -1);
  const last = addLocalDays(localDayOf(end, meeting.timeZone), 1);
  const starts: Date[] = [];
  for (let day = first; day <= last; day = addLocalDays(day, 1)) {
    const [y, m, d] = day.split("-").map(Number) as [number, number, number];
    if (!meeting.days.includes(new Date(Date.UTC(y, m - 1, d)).getUTCDay())) continue;
    const at = new Date(new TZDate(y, m - 1, d, hours, minutes, meeting.timeZone).getTime());
    if (at >= start && at <= end) starts.push(at);
  }
  return starts;
}

/**
 * The instants a search covers, in the searcher's zone. Without a day: from `at` for
 * `withinHours`. With a weekday: that weekday (today or the next one) from `from` to `to`
 * wall time; a `to` earlier than `from` runs past midnight into the next day.
 */
export function searchWindow(options: {
  at: Date;
  timeZone: string;
  withinHours?: number | undefined;
  day?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
}): { start: Date; end: Date } {
  const { at, timeZone } = options;
  if (options.day === undefined && options.from === undefined && options.to === undefined) {
    return { start: at, end: new Date(at.getTime() + (options.withinHours ?? 24) * 3_600_000) };
  }
  let day = localDayOf(at, timeZone);
  if (options.day !== undefined) {
    for (let i = 0; i < 7 && weekdayOf(day) !== options.day; i += 1) day = addLocalDays(day, 1);
  }
  const from = options.from ?? "00:00";
  const to = options.to ?? "24:00";
  const start = wallInstant(day, from, timeZone);
  const endDay = to <= from ? addLocalDays(day, 1) : day;
  return { start, end: wallInstant(endDay, to, timeZone) };
}

export function weekdayOf(day: string): number {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

function wallInstant(day: string, time: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  // TZDate rolls 24:00 over to the next day's midnight.
  return new Date(new TZDate(y, m - 1, d, hours, minutes, timeZone).getTime());
}

function text(value: unknown, max: number): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, max) : null;
}

/** null: not a day; []: no day given. */
function daysOf(value: unknown): number[] | null {
  if (value === undefined || value === null || value === "") return [];
  const list = Array.isArray(value) ? value : [value];
  const days: number[] = [];
  for (const entry of list) {
    const day = typeof entry === "string" && /^\d$/.test(entry.trim()) ? Number(entry) : entry;
    if (typeof day !== "number" || !Number.isInteger(day) || day < 0 || day > 6) return null;
    if (!days.includes(day)) days.push(day);
  }
  return days.sort();
}

/** "HH:MM", or undefined when the value is not a time. */
function timeOf(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = TIME_PATTERN.exec(value.trim());
  if (!match) return undefined;
  return `${(match[1] ?? "").padStart(2, "0")}:${match[2]}`;
}

/** null when absent, undefined when present but not a coordinate. */
function coordinate(value: unknown, limit: number): number | null | undefined {
  if (value === undefined || value === null || value === "") return null;
  const number = typeof value === "string" ? Number(value) : value;
  if (typeof number !== "number" || !Number.isFinite(number) || Math.abs(number) > limit) {
    return undefined;
  }
  return number;
}

function webUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

function slugOf(value: string): string {
  return value
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 200);
}
