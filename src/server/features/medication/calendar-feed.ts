import ical from "ical-generator";
import { type DoseUnit, MEDICATION_NAMES, type Medication } from "../../../domain/medication";
import {
  APPOINTMENT_KIND_NAMES,
  type AppointmentKind,
} from "../../../domain/medication-appointments";
import type { MessageLocale } from "../../../domain/reminder";

/**
 * The iCalendar text (RFC 5545) of a member's calendar feed: appointments and dose times.
 * Discreet unless the member chose details when making the feed: then titles name the
 * appointment kind and the medication, and places and notes come along. Times are UTC, so
 * every calendar shows them in its own zone.
 */
export interface FeedAppointment {
  id: string;
  kind: AppointmentKind;
  title: string | null;
  startsAt: string;
  endsAt: string | null;
  place: string | null;
  notes: string | null;
  updatedAt: string;
}

export interface FeedRegimen {
  medication: Medication;
  doseAmount: number;
  doseUnit: DoseUnit;
}

export interface FeedContent {
  feedId: string;
  details: boolean;
  locale: MessageLocale;
  appointments: readonly FeedAppointment[];
  doses: readonly Date[];
  regimen: FeedRegimen | null;
  now: Date;
}

const APPOINTMENT_MINUTES = 60;
const DOSE_MINUTES = 15;

const DISCREET_TITLES: Record<MessageLocale, { appointment: string; dose: string }> = {
  en: { appointment: "Appointment", dose: "Reminder" },
  es: { appointment: "Cita", dose: "Recordatorio" },
};

export function calendarText(content: FeedContent): string {
  const calendar = ical({
    name: "Waymark",
    prodId: { company: "Waymark", product: "Waymark", language: content.locale.toUpperCase() },
    // Calendar apps re-fetch about hourly; new appointments show up without a new address.
    ttl: 3600,
  });
  const words = DISCREET_TITLES[content.locale];
  for (const appointment of content.appointments) {
    const start = new Date(appointment.startsAt);
    const end = appointment.endsAt
      ? new Date(appointment.endsAt)
      : new Date(start.getTime() + APPOINTMENT_MINUTES * 60_000);
    calendar.createEvent({
      id: `appointment-${appointment.id}@waymark`,
      start,
      end,
      stamp: new Date(appointment.updatedAt),
      summary: content.details
        ? (appointment.title ?? APPOINTMENT_KIND_NAMES[content.locale][appointment.kind])
        : words.appointment,
      ...(content.details && appointment.place ? { location: appointment.place } : {}),
      ...(content.details && appointment.notes ? { description: appointment.notes } : {}),
    });
  }
  const doseTitle =
    content.details && content.regimen
      ? `${capitalize(MEDICATION_NAMES[content.locale][content.regimen.medication])} ${content.regimen.doseAmount} ${content.regimen.doseUnit}`
      : words.dose;
  for (const dose of content.doses) {
    calendar.createEvent({
      id: `dose-${dose.toISOString().replace(/[-:.]/g, "")}-${content.feedId}@waymark`,
      start: dose,
      end: new Date(dose.getTime() + DOSE_MINUTES * 60_000),
      stamp: content.now,
      summary: doseTitle,
    });
  }
  return calendar.toString();
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
