import { z } from "zod";
import {
  addScheduleDays,
  instantAt,
  localDayAt,
  localTimeAt,
  localTimeSchema,
  type ScheduleDay,
  WEEKDAYS,
  type Weekday,
  weekdayOf,
  weekdaySchema,
} from "./dose-schedule";
import { MEDICATION_NAMES, type Medication } from "./medication";
import { APPOINTMENT_KIND_NAMES, type AppointmentKind } from "./medication-appointments";

/**
 * Reminders a member sets for a dose, an appointment day or the daily check-in, at a local
 * time on chosen weekdays. Which are due is pure: a reminder is due when its next local
 * occurrence has come and it has not been sent for that occurrence. Text is discreet unless
 * the member opted in to details: a lock screen never shows a medication or a court date.
 */
export const REMINDER_KINDS = ["dose", "appointment", "checkin"] as const;
export const reminderKindSchema = z.enum(REMINDER_KINDS);
export type ReminderKind = z.infer<typeof reminderKindSchema>;

export const reminderInputSchema = z.object({
  kind: reminderKindSchema,
  localTime: localTimeSchema,
  days: z
    .array(weekdaySchema)
    .min(1, { message: "Choose at least one day" })
    .max(7)
    .refine((days) => new Set(days).size === days.length, {
      message: "Each day may appear only once",
    })
    .default([...WEEKDAYS]),
  enabled: z.boolean().default(true),
});
export type ReminderInput = z.infer<typeof reminderInputSchema>;

export interface ReminderRule {
  id: string;
  kind: ReminderKind;
  localTime: string;
  days: readonly Weekday[];
  enabled: boolean;
  /** The occurrence it was last sent for; it is never sent twice for one occurrence. */
  lastSentFor: Date | null;
}

/** The reminder's instant on a local day, or null when it does not run that weekday. */
export function reminderOccurrence(
  reminder: Pick<ReminderRule, "localTime" | "days">,
  day: ScheduleDay,
  timeZone: string,
): Date | null {
  if (!reminder.days.includes(weekdayOf(day))) return null;
  return instantAt(day, reminder.localTime, timeZone);
}

export interface DueContext {
  /** Appointments' start instants; an appointment reminder runs only on a day that has one still to come. */
  appointmentStarts?: readonly Date[];
  /** Local days with a scheduled dose; a dose reminder runs only on those (all days when left out). */
  isDoseDay?: (day: ScheduleDay) => boolean;
  /** Local days whose doses are already logged; no dose reminder then. */
  doseLoggedDays?: ReadonlySet<ScheduleDay>;
  /** How late a reminder may still go out (a server that was down for a while). */
  lookbackMinutes?: number;
}

export interface DueReminder {
  reminder: ReminderRule;
  occurrence: Date;
}

export const DEFAULT_LOOKBACK_MINUTES = 15;

/**
 * Reminders whose occurrence falls in (now − lookback, now] and was not sent yet, by the
 * clock alone (whether there is an appointment or a dose that day is not asked).
 */
export function pendingOccurrences(
  reminders: readonly ReminderRule[],
  now: Date,
  timeZone: string,
  lookbackMinutes = DEFAULT_LOOKBACK_MINUTES,
): (DueReminder & { day: ScheduleDay })[] {
  const lookbackMs = lookbackMinutes * 60_000;
  const today = localDayAt(now, timeZone);
  const days = [addScheduleDays(today, -1), today];
  const pending: (DueReminder & { day: ScheduleDay })[] = [];
  for (const reminder of reminders) {
    if (!reminder.enabled) continue;
    for (const day of days) {
      const occurrence = reminderOccurrence(reminder, day, timeZone);
      if (!occurrence) continue;
      const age = now.getTime() - occurrence.getTime();
      if (age < 0 || age >= lookbackMs) continue;
      if (reminder.lastSentFor && reminder.lastSentFor.getTime() >= occurrence.getTime()) continue;
      pending.push({ reminder, occurrence, day });
    }
  }
  return pending;
}

/** Reminders due now: their time has come, unsent, and there is something to remind of. */
export function dueReminders(
  reminders: readonly ReminderRule[],
  now: Date,
  timeZone: string,
  context: DueContext = {},
): DueReminder[] {
  return pendingOccurrences(reminders, now, timeZone, context.lookbackMinutes)
    .filter(({ reminder, day, occurrence }) =>
      appliesOn(reminder, day, occurrence, timeZone, context),
    )
    .map(({ reminder, occurrence }) => ({ reminder, occurrence }));
}

function appliesOn(
  reminder: ReminderRule,
  day: ScheduleDay,
  occurrence: Date,
  timeZone: string,
  context: DueContext,
): boolean {
  switch (reminder.kind) {
    case "checkin":
      return true;
    case "dose":
      if (context.isDoseDay && !context.isDoseDay(day)) return false;
      return !context.doseLoggedDays?.has(day);
    case "appointment":
      return (context.appointmentStarts ?? []).some(
        (start) => start.getTime() >= occurrence.getTime() && localDayAt(start, timeZone) === day,
      );
  }
}

export type MessageLocale = "en" | "es";

export interface ReminderDetails {
  medication?: Medication | null;
  appointment?: { kind: AppointmentKind; startsAt: Date; place: string | null } | null;
}

export interface ReminderMessage {
  title: string;
  body: string;
}

const DISCREET: Record<MessageLocale, Record<ReminderKind, ReminderMessage>> = {
  en: {
    checkin: { title: "Reminder", body: "Time for your check-in" },
    dose: { title: "Reminder", body: "A reminder you set is due" },
    appointment: { title: "Reminder", body: "You have something planned today" },
  },
  es: {
    checkin: { title: "Recordatorio", body: "Es hora de tu registro" },
    dose: { title: "Recordatorio", body: "Tienes un recordatorio pendiente" },
    appointment: { title: "Recordatorio", body: "Tienes algo planeado hoy" },
  },
};

export function messageLocale(locale: string | null | undefined): MessageLocale {
  return locale?.toLowerCase().startsWith("es") ? "es" : "en";
}

/**
 * The words a notification shows. Discreet unless `showDetails`: no medication name, no
 * appointment kind, no place.
 */
export function reminderMessage(
  kind: ReminderKind,
  locale: MessageLocale,
  showDetails: boolean,
  details: ReminderDetails,
  timeZone: string,
): ReminderMessage {
  const discreet = DISCREET[locale][kind];
  if (!showDetails) return discreet;
  if (kind === "dose" && details.medication) {
    const name = MEDICATION_NAMES[locale][details.medication];
    return {
      title: discreet.title,
      body: locale === "es" ? `Es hora de tu dosis de ${name}` : `Time for your ${name} dose`,
    };
  }
  if (kind === "appointment" && details.appointment) {
    const { kind: appointmentKind, startsAt, place } = details.appointment;
    const label = APPOINTMENT_KIND_NAMES[locale][appointmentKind];
    const at = localTimeAt(startsAt, timeZone);
    const where = place ? ` · ${place}` : "";
    return {
      title: discreet.title,
      body: `${label} ${locale === "es" ? "a las" : "at"} ${at}${where}`,
    };
  }
  return discreet;
}
