import type { Me } from "../../../domain/api/auth";
import { dayAmong, type LocalDay, localDayOf } from "../../../domain/local-day";

/** The member's zone and, when /api/me sent them, their day starts (`me` itself will do). */
export type MemberZone = Pick<Me, "timeZone"> & Partial<Pick<Me, "days">>;

/**
 * The member's calendar day now, in their own time zone (not the phone's). Told from the day
 * starts /api/me sent (a comparison of instants), because the first Intl formatter a page
 * builds costs a cheap phone a few hundred milliseconds before Today or the check-in can draw
 * (docs/performance.md). Past those days (a phone offline for over a week, or a `me` kept from
 * an older version without them) the server's own rule decides, through one Intl formatter.
 */
export function memberToday(me: MemberZone, now = new Date()): LocalDay {
  return (me.days && dayAmong(me.days, now)) ?? localDayOf(now, me.timeZone);
}
