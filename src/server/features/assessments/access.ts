import type { Kysely } from "kysely";
import { instantProblem, type LocalDay, localDayOf } from "../../../domain/local-day";
import type { Database } from "../../db/schema";
import { AppError, notFound } from "../../errors";
import * as queries from "./queries";

/** What the assessment and withdrawal services share: access, the member's day, reported times. */

export async function memberToday(
  db: Kysely<Database>,
  memberId: string,
  now: Date,
): Promise<{ timeZone: string; today: LocalDay }> {
  const member = await queries.findMember(db, memberId);
  if (!member) throw notFound("That person");
  return { timeZone: member.time_zone, today: localDayOf(now, member.time_zone) };
}

/** When something happened: the instant given (normalized to UTC) or now; never later than now. */
export function reportedInstant(at: string | undefined, now: Date, field: string): Date {
  if (at === undefined) return now;
  const instant = new Date(at);
  const problem = instantProblem(instant, now);
  if (problem === "in_future") {
    throw new AppError(
      "time_in_future",
      400,
      "That time is still to come. Please choose a time that has already happened.",
      field,
    );
  }
  if (problem === "too_early") {
    throw new AppError("time_too_early", 400, "Please choose a time after 1900.", field);
  }
  return instant;
}
