import { type MeetingDraft, meetingStartsBetween } from "./meetings";

/**
 * "Remind me before this meeting": the reminder for a start is due `leadMinutes` before it.
 * A start is the meeting's wall time on one of its weekdays in the meeting's own zone (see
 * meetingStartsBetween), so the lead is counted in real minutes across midnight and
 * daylight-saving changes: a 00:30 Monday meeting with a two-hour lead is reminded of at
 * 22:30 on Sunday. Each start is reminded of once; the start instant is what is claimed.
 */
export const MEETING_REMINDER_LEADS = [15, 30, 60, 120] as const;
export const MIN_LEAD_MINUTES = 5;
export const MAX_LEAD_MINUTES = 24 * 60;
/** How late a reminder may still go out (a server that was down a few minutes). */
export const MEETING_REMINDER_LOOKBACK_MINUTES = 15;

type Schedule = Pick<MeetingDraft, "days" | "time" | "timeZone">;

export interface MeetingReminderOccurrence {
  /** The meeting start this reminder is for. */
  startsAt: Date;
  /** When the reminder goes out: startsAt − lead. */
  remindAt: Date;
}

/**
 * The reminder due at `now`: its time has come within the lookback and its start is later
 * than the one last reminded of. At most one (weekly starts are far further apart than the
 * lookback); null when nothing is due.
 */
export function dueMeetingReminder(
  meeting: Schedule,
  leadMinutes: number,
  now: Date,
  lastRemindedFor: Date | null,
  lookbackMinutes = MEETING_REMINDER_LOOKBACK_MINUTES,
): MeetingReminderOccurrence | null {
  const lead = leadMinutes * 60_000;
  // remindAt in (now − lookback, now]  ⇔  startsAt in (now − lookback + lead, now + lead].
  const starts = meetingStartsBetween(
    meeting,
    new Date(now.getTime() - lookbackMinutes * 60_000 + lead + 1),
    new Date(now.getTime() + lead),
  ).filter((start) => !lastRemindedFor || start.getTime() > lastRemindedFor.getTime());
  const startsAt = starts[starts.length - 1];
  if (!startsAt) return null;
  return { startsAt, remindAt: new Date(startsAt.getTime() - lead) };
}

/** The next reminder strictly after `after` (for showing "next reminder at …"). */
export function nextMeetingReminder(
  meeting: Schedule,
  leadMinutes: number,
  after: Date,
): MeetingReminderOccurrence | null {
  const lead = leadMinutes * 60_000;
  const from = new Date(after.getTime() + lead + 1);
  const startsAt = meetingStartsBetween(
    meeting,
    from,
    new Date(from.getTime() + 8 * 86_400_000),
  )[0];
  return startsAt ? { startsAt, remindAt: new Date(startsAt.getTime() - lead) } : null;
}

export type MeetingReminderLocale = "en" | "es";

/**
 * The notification's words. Discreet by default: no meeting name, nothing that says what
 * kind of meeting it is, only that something the member planned starts at a time (their
 * own zone). With details on, the meeting's name.
 */
export function meetingReminderMessage(
  locale: MeetingReminderLocale,
  showDetails: boolean,
  meetingName: string,
  startsAt: Date,
  timeZone: string,
): { title: string; body: string } {
  const at = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(startsAt);
  if (locale === "es") {
    return {
      title: "Recordatorio",
      body: showDetails
        ? `${meetingName} empieza a las ${at}`
        : `Algo que planeaste empieza a las ${at}`,
    };
  }
  return {
    title: "Reminder",
    body: showDetails ? `${meetingName} starts at ${at}` : `Something you planned starts at ${at}`,
  };
}
