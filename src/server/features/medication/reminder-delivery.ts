import type { Kysely } from "kysely";
import {
  addScheduleDays,
  isDoseDay,
  localDayAt,
  type Weekday,
} from "../../../domain/dose-schedule";
import type { Medication } from "../../../domain/medication";
import type { AppointmentKind } from "../../../domain/medication-appointments";
import {
  type DueReminder,
  dueReminders,
  messageLocale,
  pendingOccurrences,
  type ReminderKind,
  type ReminderRule,
  reminderMessage,
} from "../../../domain/reminder";
import type { Database } from "../../db/schema";
import { every } from "../../every";
import { addTally, sendToDevices } from "../../push/devices";
import { type PushSendOptions, vapidSubject } from "../../push/sender";
import { loadVapidKeys } from "../../push/vapid";
import { listAppointments } from "./appointment-queries";
import { findRegimen, listDoses } from "./queries";
import * as queries from "./reminder-queries";
import { parseSchedule } from "./service";

/**
 * Sends the reminders that are due as Web Push messages. Each occurrence is claimed in the
 * database before it is sent, so two server processes never send it twice; a device whose
 * subscription is gone (404/410) is forgotten. Text is discreet unless the member opted in.
 */
export interface ReminderDeliveryOptions {
  /** Where the VAPID keys live (generated there at first use). */
  dataDir: string;
  /** The server's public URL, for the VAPID subject. */
  publicUrl?: string | null;
  /** Tests only: let a push service on loopback receive messages. */
  allowLoopback?: boolean;
  timeoutMs?: number;
}

export interface DeliveryReport {
  due: number;
  sent: number;
  failed: number;
  forgotten: number;
}

export async function sendDueReminders(
  db: Kysely<Database>,
  options: ReminderDeliveryOptions,
  now = new Date(),
): Promise<DeliveryReport> {
  const report: DeliveryReport = { due: 0, sent: 0, failed: 0, forgotten: 0 };
  const rows = await queries.listEnabledReminders(db);
  const byMember = new Map<string, typeof rows>();
  for (const row of rows)
    byMember.set(row.member_id, [...(byMember.get(row.member_id) ?? []), row]);
  if (byMember.size === 0) return report;
  const send: PushSendOptions = {
    vapid: loadVapidKeys(options.dataDir),
    subject: vapidSubject(options.publicUrl ?? null),
    allowLoopback: options.allowLoopback ?? false,
    timeoutMs: options.timeoutMs ?? 10_000,
  };
  for (const [memberId, memberRows] of byMember) {
    const first = memberRows[0];
    if (!first) continue;
    const timeZone = first.time_zone;
    const rules: ReminderRule[] = memberRows.map((row) => ({
      id: row.id,
      kind: row.kind as ReminderKind,
      localTime: row.local_time,
      days: row.days.split(",").filter(Boolean) as Weekday[],
      enabled: row.enabled === 1,
      lastSentFor: row.last_sent_for ? new Date(row.last_sent_for) : null,
    }));
    // Cheap check first: most minutes, nothing is due for most members.
    if (pendingOccurrences(rules, now, timeZone).length === 0) continue;
    const context = await memberContext(db, memberId, timeZone, now);
    const due = dueReminders(rules, now, timeZone, context);
    if (due.length === 0) continue;
    const devices = await queries.listPushSubscriptions(db, memberId);
    const details = await queries.notificationDetails(db, memberId);
    for (const entry of due) {
      report.due += 1;
      const claimed = await queries.claimReminder(
        db,
        memberId,
        entry.reminder.id,
        entry.occurrence.toISOString(),
      );
      if (!claimed) continue;
      const message = reminderMessage(
        entry.reminder.kind,
        messageLocale(first.locale),
        details,
        { medication: context.medication, appointment: nextAppointment(entry, context) },
        timeZone,
      );
      const payload = JSON.stringify({
        title: message.title,
        body: message.body,
        tag: `reminder-${entry.reminder.id}`,
        url: "/",
      });
      addTally(report, await sendToDevices(db, memberId, devices, payload, send, now));
    }
  }
  return report;
}

interface MemberContext {
  medication: Medication | null;
  appointments: { kind: AppointmentKind; startsAt: Date; place: string | null }[];
  appointmentStarts: Date[];
  isDoseDay?: (day: string) => boolean;
  doseLoggedDays: Set<string>;
}

async function memberContext(
  db: Kysely<Database>,
  memberId: string,
  timeZone: string,
  now: Date,
): Promise<MemberContext> {
  const today = localDayAt(now, timeZone);
  const [regimen, appointments, doses] = await Promise.all([
    findRegimen(db, memberId),
    listAppointments(
      db,
      memberId,
      new Date(now.getTime() - 36 * 3600_000).toISOString(),
      new Date(now.getTime() + 36 * 3600_000).toISOString(),
    ),
    listDoses(db, memberId, addScheduleDays(today, -1), today),
  ]);
  const schedule = regimen ? parseSchedule(regimen.schedule) : null;
  const mapped = appointments.map((row) => ({
    kind: row.kind as AppointmentKind,
    startsAt: new Date(row.starts_at),
    place: row.place,
  }));
  return {
    medication: (regimen?.medication as Medication | undefined) ?? null,
    appointments: mapped,
    appointmentStarts: mapped.map((appointment) => appointment.startsAt),
    ...(schedule ? { isDoseDay: (day: string) => isDoseDay(schedule, day) } : {}),
    doseLoggedDays: new Set(
      doses.filter((dose) => dose.status !== "missed").map((dose) => dose.local_day),
    ),
  };
}

function nextAppointment(entry: DueReminder, context: MemberContext) {
  if (entry.reminder.kind !== "appointment") return null;
  return (
    context.appointments
      .filter((appointment) => appointment.startsAt.getTime() >= entry.occurrence.getTime())
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0] ?? null
  );
}

/**
 * Runs delivery every minute until stopped. Started by `serve` only (tests call
 * sendDueReminders directly). Runs never overlap; a failed run is logged and the next one
 * tries again.
 */
export function startReminderScheduler(
  db: Kysely<Database>,
  options: ReminderDeliveryOptions & {
    intervalMs?: number;
    onError?: (error: unknown) => void;
  },
): { stop(): void } {
  return every(options.intervalMs ?? 60_000, () => sendDueReminders(db, options), options.onError);
}
