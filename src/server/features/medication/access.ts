import type { Kysely } from "kysely";
import type { MedicationRangeQuery } from "../../../domain/api/medication";
import type { DataCategory } from "../../../domain/consent";
import {
  addScheduleDays,
  instantAt,
  localDayAt,
  type ScheduleDay,
  scheduleDaysBetween,
} from "../../../domain/dose-schedule";
import type { Database } from "../../db/schema";
import { AppError, notFound } from "../../errors";
import { authorizeMemberAccess } from "../../security/policy";
import type { Actor } from "../../security/session";

/** What the medication feature's services share: access, the member's zone, ranges, writes. */

/** Reads go through the policy (self, or a grant naming the category, audited). */
export function authorizeRead(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  category: DataCategory,
  resource: string,
  now: Date,
): Promise<void> {
  return authorizeMemberAccess(db, actor, { memberId, category, action: "read", resource }, now);
}

/** Writes are the member's own (the policy refuses anyone else, and records it). */
export function authorizeWrite(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  category: DataCategory,
  resource: string,
  now: Date,
): Promise<void> {
  return authorizeMemberAccess(db, actor, { memberId, category, action: "write", resource }, now);
}

export interface MemberSettings {
  timeZone: string;
  locale: string;
  today: ScheduleDay;
}

export async function memberSettings(
  db: Kysely<Database>,
  memberId: string,
  now: Date,
): Promise<MemberSettings> {
  const member = await db
    .selectFrom("users")
    .select(["time_zone", "locale"])
    .where("id", "=", memberId)
    .executeTakeFirst();
  if (!member) throw notFound("That person");
  return {
    timeZone: member.time_zone,
    locale: member.locale,
    today: localDayAt(now, member.time_zone),
  };
}

/** The first instant of a local day in the member's zone. */
export const startOfDay = (day: ScheduleDay, timeZone: string) => instantAt(day, "00:00", timeZone);

export const MAX_RANGE_DAYS = 400;

/** The asked-for local days, both ends included, with defaults for what is missing. */
export function resolveRange(
  query: MedicationRangeQuery,
  defaults: { from: ScheduleDay; to: ScheduleDay },
): { from: ScheduleDay; to: ScheduleDay } {
  // With one end given, the other keeps the default range's length.
  const span = scheduleDaysBetween(defaults.from, defaults.to);
  const from = query.from ?? (query.to ? addScheduleDays(query.to, -span) : defaults.from);
  const to = query.to ?? (query.from ? addScheduleDays(query.from, span) : defaults.to);
  if (from > to) {
    throw new AppError(
      "range_reversed",
      400,
      "The start of the range (from) comes after its end (to). Swap them and try again.",
      "from",
    );
  }
  if (scheduleDaysBetween(from, to) + 1 > MAX_RANGE_DAYS) {
    throw new AppError(
      "range_too_long",
      400,
      `Ask for at most ${MAX_RANGE_DAYS} days at a time (from and to, both included).`,
      "to",
    );
  }
  return { from, to };
}

export function monthStart(day: ScheduleDay): ScheduleDay {
  return `${day.slice(0, 8)}01`;
}

export { addScheduleDays };

// Phone clocks run a little fast; an instant this far ahead of the server still counts as now.
const CLOCK_SKEW_MS = 5 * 60_000;

/** When something happened: the instant given (in UTC) or now; never in the future. */
export function reportedInstant(at: string | undefined, now: Date, field: string): Date {
  if (at === undefined) return now;
  const instant = new Date(at);
  if (instant.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new AppError(
      "time_in_future",
      400,
      "That time is still to come. Please choose a time that has already happened.",
      field,
    );
  }
  if (instant.getTime() < Date.UTC(1900, 0, 1)) {
    throw new AppError("time_too_early", 400, "Please choose a time after 1900.", field);
  }
  return instant;
}

/** A unique index refused a row (both dialects). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE";
}

export const toFlag = (value: boolean): number => (value ? 1 : 0);
export const fromFlag = (value: number): boolean => value !== 0;
/** Blank free text is "not said". */
export const textOrNull = (value: string | null | undefined): string | null =>
  value ? value : null;
