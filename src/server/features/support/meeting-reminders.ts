// "Remind me before this meeting": sends the reminders members set on saved meetings as Web
// Push messages, the way medication reminders go out, with discreet text unless they opted in.
import type { Kysely } from "kysely";
import { dueMeetingReminder, meetingReminderMessage } from "../../../domain/meeting-reminder";
import type { Database } from "../../db/schema";
import { every } from "../../every";
import { addTally, pushDevicesOf, sendToDevices } from "../../push/devices";
import { type PushSendOptions, vapidSubject } from "../../push/sender";
import { loadVapidKeys } from "../../push/vapid";
import * as queries from "./meeting-reminder-queries";

export interface MeetingReminderOptions {
  /** Where the VAPID keys live (the same pair the medication reminders use). */
  dataDir: string;
  publicUrl?: string | null;
  /** Tests only: let a push service on loopback receive messages. */
  allowLoopback?: boolean;
  timeoutMs?: number;
}

export interface MeetingReminderReport {
  due: number;
  sent: number;
  failed: number;
  forgotten: number;
}

/**
 * One pass: every saved meeting whose reminder time has come (within the lookback) and
 * whose start was not reminded of yet. The start is claimed in the database before sending,
 * so two server processes, or a pass that overlaps the member unsaving, never send it twice.
 */
export async function sendDueMeetingReminders(
  db: Kysely<Database>,
  options: MeetingReminderOptions,
  now = new Date(),
): Promise<MeetingReminderReport> {
  const report: MeetingReminderReport = { due: 0, sent: 0, failed: 0, forgotten: 0 };
  const due = (await queries.listMeetingReminders(db)).flatMap((row) => {
    if (row.remind_before_minutes === null) return [];
    const occurrence = dueMeetingReminder(
      { days: weekdays(row.days), time: row.time, timeZone: row.meeting_time_zone },
      row.remind_before_minutes,
      now,
      row.reminded_for ? new Date(row.reminded_for) : null,
    );
    // A reminder whose time came before the meeting was saved is not sent: unsaving forgets
    // what was already reminded of, so saving again must not bring it back a second time.
    if (!occurrence || occurrence.remindAt.getTime() < new Date(row.saved_at).getTime()) return [];
    return [{ row, occurrence }];
  });
  if (due.length === 0) return report;
  const send: PushSendOptions = {
    vapid: loadVapidKeys(options.dataDir),
    subject: vapidSubject(options.publicUrl ?? null),
    allowLoopback: options.allowLoopback ?? false,
    timeoutMs: options.timeoutMs ?? 10_000,
  };
  for (const { row, occurrence } of due) {
    report.due += 1;
    const memberId = row.member_id;
    const claimed = await queries.claimMeetingReminder(
      db,
      memberId,
      row.meeting_id,
      occurrence.startsAt.toISOString(),
    );
    if (!claimed) continue;
    const details = await queries.wantsNotificationDetails(db, memberId);
    const message = meetingReminderMessage(
      row.locale.toLowerCase().startsWith("es") ? "es" : "en",
      details,
      row.name,
      occurrence.startsAt,
      row.time_zone,
    );
    const payload = JSON.stringify({
      title: message.title,
      body: message.body,
      tag: `meeting-${row.meeting_id}`,
      // Discreet: the link opens the app's home, not the meetings screen.
      url: details ? "/meetings" : "/",
    });
    const devices = await pushDevicesOf(db, memberId);
    addTally(report, await sendToDevices(db, memberId, devices, payload, send, now));
  }
  return report;
}

function weekdays(json: string): number[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((n): n is number => typeof n === "number") : [];
}

/**
 * Runs a pass every minute until stopped. Started by `serve` only (tests call
 * sendDueMeetingReminders directly). Passes never overlap; a failed pass is logged and the
 * next one tries again.
 */
export function startMeetingReminderScheduler(
  db: Kysely<Database>,
  options: MeetingReminderOptions & { intervalMs?: number; onError?: (error: unknown) => void },
): { stop(): void } {
  return every(
    options.intervalMs ?? 60_000,
    () => sendDueMeetingReminders(db, options),
    options.onError,
  );
}
