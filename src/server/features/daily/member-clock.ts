import type { Kysely } from "kysely";
import type { DayRangeQuery } from "../../../domain/api/daily";
import {
  addLocalDays,
  instantProblem,
  type LocalDay,
  localDayOf,
  localDaysBetween,
} from "../../../domain/local-day";
import type { Database } from "../../db/schema";
import { AppError, notFound } from "../../errors";
import type { Actor } from "../../security/session";
import * as queries from "./queries";

/** What the everyday features share: the member's calendar, day ranges, access and writes. */

export interface MemberClock {
  timeZone: string;
  today: LocalDay;
  accountCreatedOn: LocalDay;
}

export async function memberClock(
  db: Kysely<Database>,
  memberId: string,
  now: Date,
): Promise<MemberClock> {
  const member = await queries.findMember(db, memberId);
  if (!member) throw notFound("That person");
  return {
    timeZone: member.time_zone,
    today: localDayOf(now, member.time_zone),
    accountCreatedOn: localDayOf(new Date(member.created_at), member.time_zone),
  };
}

/** The member's own today, from their session: writes are only ever the member's own. One
 * zone look-up, not the whole clock: every check-in asks (docs/performance.md). */
export function ownToday(actor: Actor, now: Date): LocalDay {
  return localDayOf(now, actor.timeZone);
}

export const DEFAULT_RANGE_DAYS = 30;
export const MAX_RANGE_DAYS = 400;

/** The asked-for days, both ends included; without `from`, the 30 days ending at `to`. */
export function resolveRange(query: DayRangeQuery, today: LocalDay) {
  const to = query.to ?? today;
  const from = query.from ?? addLocalDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to) {
    throw new AppError(
      "range_reversed",
      400,
      "The start of the range (from) comes after its end (to). Swap them and try again.",
      "from",
    );
  }
  if (localDaysBetween(from, to) + 1 > MAX_RANGE_DAYS) {
    throw new AppError(
      "range_too_long",
      400,
      `Ask for at most ${MAX_RANGE_DAYS} days at a time (from and to, both included).`,
      "to",
    );
  }
  return { from, to };
}

/** The words the audit log shows a member for a range someone else looked at. */
export function describeRange(what: string, query: DayRangeQuery): string {
  if (query.from && query.to) return `${what} ${query.from} to ${query.to}`;
  if (query.from) return `${what} from ${query.from}`;
  if (query.to) return `${what} up to ${query.to}`;
  return `${what}, last ${DEFAULT_RANGE_DAYS} days`;
}

/** When something happened: the instant given (normalized to UTC) or now; never later than now. */
export function reportedInstant(at: string | undefined, now: Date): Date {
  if (at === undefined) return now;
  const instant = new Date(at);
  const problem = instantProblem(instant, now);
  if (problem === "in_future") {
    throw new AppError(
      "time_in_future",
      400,
      "That time is still to come. Please choose a time that has already happened.",
      "at",
    );
  }
  if (problem === "too_early") {
    throw new AppError("time_too_early", 400, "Please choose a time after 1900.", "at");
  }
  return instant;
}

// Yes/no answers are stored as 0/1 so both dialects agree; null means not answered.
export const toFlag = (value: boolean | null | undefined): number | null =>
  value === undefined || value === null ? null : value ? 1 : 0;
export const fromFlag = (value: number | null): boolean | null =>
  value === null ? null : value !== 0;
/** Blank free text is "not said". */
export const textOrNull = (value: string | null | undefined): string | null =>
  value ? value : null;
