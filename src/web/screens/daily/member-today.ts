import { type LocalDay, localDayOf } from "../../../domain/local-day";

/**
 * The member's calendar day now, in their own time zone (not the phone's): the server's own
 * rule (domain/local-day.ts), one cached Intl formatter per zone. Today's first load uses it,
 * so it must stay free of zod and of date-fns' pattern parsing (docs/architecture.md).
 */
export function memberToday(timeZone: string, now = new Date()): LocalDay {
  return localDayOf(now, timeZone);
}
