import type { okSchema } from "../../../domain/api/auth";
import {
  type AppointmentBody,
  type adherenceSchema,
  appointmentBodySchema,
  type appointmentListSchema,
  type appointmentSchema,
  calendarFeedBodySchema,
  type calendarFeedSchema,
  type calendarFeedStatusSchema,
  type DoseBody,
  doseBodySchema,
  type doseListSchema,
  type logDoseAnswerSchema,
  type notificationPreferencesSchema,
  type PushSubscriptionBody,
  type pushPublicKeySchema,
  pushSubscriptionBodySchema,
  type pushSubscriptionSchema,
  type regimenAnswerSchema,
  regimenBodySchema,
  type regimenHistorySchema,
  reminderBodySchema,
  type reminderListSchema,
  type reminderSchema,
  type setRegimenAnswerSchema,
} from "../../../domain/api/medication";
import type { RegimenInput } from "../../../domain/medication";
import type { ReminderInput } from "../../../domain/reminder";
import { call, validated } from "../../api";
import { type NewWrite, newClientId } from "../../offline/sync";

/**
 * The medication feature's client: regimen and history, doses and adherence, appointments,
 * reminders with Web Push, and the calendar feed. Writes that create a record carry an
 * Idempotency-Key so a retry after a dropped connection lands once.
 */

const member = (memberId: string) => `/members/${encodeURIComponent(memberId)}`;
const keyed = (key: string) => ({ "idempotency-key": key });
const range = (from?: string, to?: string) => {
  const query = new URLSearchParams();
  if (from) query.set("from", from);
  if (to) query.set("to", to);
  const text = query.toString();
  return text ? `?${text}` : "";
};

export function newWriteKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** A v4 UUID: reminders are stored under an id the client picks (PUT is then a retry-safe upsert). */
export function newReminderId(): string {
  return newClientId();
}

export const medicationApi = {
  regimen: async (memberId: string) =>
    (await call<typeof regimenAnswerSchema>("GET", `${member(memberId)}/regimen`)).regimen,

  setRegimen: (memberId: string, body: RegimenInput) =>
    call<typeof setRegimenAnswerSchema>(
      "PUT",
      `${member(memberId)}/regimen`,
      validated(regimenBodySchema, body),
    ),

  regimenHistory: async (memberId: string) =>
    (await call<typeof regimenHistorySchema>("GET", `${member(memberId)}/regimen/history`)).changes,

  logDose: (memberId: string, body: DoseBody, key: string) =>
    call<typeof logDoseAnswerSchema>(
      "POST",
      `${member(memberId)}/doses`,
      validated(doseBodySchema, body),
      keyed(key),
    ),

  doses: (memberId: string, from?: string, to?: string) =>
    call<typeof doseListSchema>("GET", `${member(memberId)}/doses${range(from, to)}`),

  adherence: (memberId: string, from?: string, to?: string) =>
    call<typeof adherenceSchema>("GET", `${member(memberId)}/adherence${range(from, to)}`),

  appointments: (memberId: string, from?: string, to?: string) =>
    call<typeof appointmentListSchema>("GET", `${member(memberId)}/appointments${range(from, to)}`),

  createAppointment: (memberId: string, body: AppointmentBody, key: string) =>
    call<typeof appointmentSchema>(
      "POST",
      `${member(memberId)}/appointments`,
      validated(appointmentBodySchema, body),
      keyed(key),
    ),

  updateAppointment: (memberId: string, appointmentId: string, body: AppointmentBody) =>
    call<typeof appointmentSchema>(
      "PUT",
      `${member(memberId)}/appointments/${encodeURIComponent(appointmentId)}`,
      validated(appointmentBodySchema, body),
    ),

  deleteAppointment: (memberId: string, appointmentId: string) =>
    call<typeof okSchema>(
      "DELETE",
      `${member(memberId)}/appointments/${encodeURIComponent(appointmentId)}`,
    ),

  reminders: (memberId: string) =>
    call<typeof reminderListSchema>("GET", `${member(memberId)}/reminders`),

  setReminder: (memberId: string, reminderId: string, body: ReminderInput) =>
    call<typeof reminderSchema>(
      "PUT",
      `${member(memberId)}/reminders/${encodeURIComponent(reminderId)}`,
      validated(reminderBodySchema, body),
    ),

  deleteReminder: (memberId: string, reminderId: string) =>
    call<typeof okSchema>(
      "DELETE",
      `${member(memberId)}/reminders/${encodeURIComponent(reminderId)}`,
    ),

  setNotificationDetails: (memberId: string, details: boolean) =>
    call<typeof notificationPreferencesSchema>(
      "PUT",
      `${member(memberId)}/notification-preferences`,
      {
        details,
      },
    ),

  pushPublicKey: async () =>
    (await call<typeof pushPublicKeySchema>("GET", "/push/public-key")).publicKey,

  subscribePush: (memberId: string, body: PushSubscriptionBody) =>
    call<typeof pushSubscriptionSchema>(
      "POST",
      `${member(memberId)}/push-subscriptions`,
      validated(pushSubscriptionBodySchema, body),
    ),

  calendarFeedStatus: (memberId: string) =>
    call<typeof calendarFeedStatusSchema>("GET", `${member(memberId)}/calendar-feed`),

  createCalendarFeed: (memberId: string, details: boolean) =>
    call<typeof calendarFeedSchema>(
      "POST",
      `${member(memberId)}/calendar-feed`,
      validated(calendarFeedBodySchema, { details }),
    ),

  revokeCalendarFeed: (memberId: string) =>
    call<typeof okSchema>("DELETE", `${member(memberId)}/calendar-feed`),
};

/**
 * A dose log as a write for the offline queue (web/offline, issue 15). The time taken is fixed
 * now, when the person taps, not when a signal comes back.
 */
export function doseWrite(memberId: string, body: DoseBody): NewWrite {
  const at = body.status === "missed" ? {} : { at: new Date().toISOString() };
  return {
    kind: "dose",
    method: "POST",
    path: `${member(memberId)}/doses`,
    body: validated(doseBodySchema, { ...at, ...body }),
  };
}
