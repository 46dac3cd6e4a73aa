import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import type { LocalDay } from "../../../domain/local-day";

/**
 * The member's calendar day now, in their own time zone (not the phone's). The same rule as
 * domain/local-day.ts#localDayOf, written here with the date library itself, in a file of its
 * own, because Today's first load uses it: that module also builds a zod schema, which the
 * first load must not (docs/architecture.md, "zod in the browser").
 */
export function memberToday(timeZone: string, now = new Date()): LocalDay {
  return format(now, "yyyy-MM-dd", { in: tz(timeZone) });
}
