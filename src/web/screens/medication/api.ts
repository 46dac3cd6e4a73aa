import { okSchema } from "../../../domain/api/auth";
import {
  type AppointmentBody,
  adherenceSchema,
  appointmentBodySchema,
  appointmentListSchema,
  appointmentSchema,
  calendarFeedBodySchema,
  calendarFeedSchema,
  calendarFeedStatusSchema,
  type DoseBody,
  doseBodySchema,
  doseListSchema,
  logDoseAnswerSchema,
  notificationPreferencesSchema,
  type PushSubscriptionBody,
  pushPublicKeySchema,
  pushSubscriptionBodySchema,
  pushSubscriptionSchema,
  regimenAnswerSchema,
  regimenBodySchema,
  regimenHistorySchema,
  reminderBodySchema,
  reminderListSchema,
  reminderSchema,
  setRegimenAnswerSchema,
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
    (await call("GET", `${member(memberId)}/regimen`, regimenAnswerSchema)).regimen,

  setRegimen: (memberId: string, body: RegimenInput) =>
    call(
      "PUT",
      `${member(memberId)}/regimen`,
      setRegimenAnswerSchema,
      validated(regimenBodySchema, body),
    ),

  regimenHistory: async (memberId: string) =>
    (await call("GET", `${member(memberId)}/regimen/history`, regimenHistorySchema)).changes,

  logDose: (memberId: string, body: DoseBody, key: string) =>
    call(
      "POST",
      `${member(memberId)}/doses`,
      logDoseAnswerSchema,
      validated(doseBodySchema, body),
      keyed(key),
    ),

  doses: (memberId: string, from?: string, to?: string) =>
    call("GET", `${member(memberId)}/doses${range(from, to)}`, doseListSchema),

  adherence: (memberId: string, from?: string, to?: string) =>
    call("GET", `${member(memberId)}/adherence${range(from, to)}`, adherenceSchema),

  appointments: (memberId: string, from?: string, to?: string) =>
    call("GET", `${member(memberId)}/appointments${range(from, to)}`, appointmentListSchema),

  createAppointment: (memberId: string, body: AppointmentBody, key: string) =>
    call(
      "POST",
      `${member(memberId)}/appointments`,
      appointmentSchema,
      validated(appointmentBodySchema, body),
      keyed(key),
    ),

  updateAppointment: (memberId: string, appointmentId: string, body: AppointmentBody) =>
    call(
      "PUT",
      `${member(memberId)}/appointments/${encodeURIComponent(appointmentId)}`,
      appointmentSchema,
      validated(appointmentBodySchema, body),
    ),

  deleteAppointment: (memberId: string, appointmentId: string) =>
    call(
      "DELETE",
      `${member(memberId)}/appointments/${encodeURIComponent(appointmentId)}`,
      okSchema,
    ),

  reminders: (memberId: string) => call("GET", `${member(memberId)}/reminders`, reminderListSchema),

  setReminder: (memberId: string, reminderId: string, body: ReminderInput) =>
    call(
      "PUT",
      `${member(memberId)}/reminders/${encodeURIComponent(reminderId)}`,
      reminderSchema,
      validated(reminderBodySchema, body),
    ),

  deleteReminder: (memberId: string, reminderId: string) =>
    call("DELETE", `${member(memberId)}/reminders/${encodeURIComponent(reminderId)}`, okSchema),

  setNotificationDetails: (memberId: string, details: boolean) =>
    call("PUT", `${member(memberId)}/notification-preferences`, notificationPreferencesSchema, {
      details,
    }),

  pushPublicKey: async () => (await call("GET", "/push/public-key", pushPublicKeySchema)).publicKey,

  subscribePush: (memberId: string, body: PushSubscriptionBody) =>
    call(
      "POST",
      `${member(memberId)}/push-subscriptions`,
      pushSubscriptionSchema,
      validated(pushSubscriptionBodySchema, body),
    ),

  calendarFeedStatus: (memberId: string) =>
    call("GET", `${member(memberId)}/calendar-feed`, calendarFeedStatusSchema),

  createCalendarFeed: (memberId: string, details: boolean) =>
    call(
      "POST",
      `${member(memberId)}/calendar-feed`,
      calendarFeedSchema,
      validated(calendarFeedBodySchema, { details }),
    ),

  revokeCalendarFeed: (memberId: string) =>
    call("DELETE", `${member(memberId)}/calendar-feed`, okSchema),
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
