import { z } from "zod";
import { DEFAULT_GRACE_MINUTES } from "../adherence";
import { doseScheduleSchema, scheduleDaySchema, weekdaySchema } from "../dose-schedule";
import { doseUnitSchema, medicationSchema, regimenInputSchema } from "../medication";
import { appointmentKindSchema } from "../medication-appointments";
import { reminderInputSchema, reminderKindSchema } from "../reminder";

/**
 * Request and response shapes of the medication feature (issue 6): regimen and its history,
 * dose log and adherence, appointments, reminders and Web Push, the calendar feed.
 */

const memberId = z.string().min(1).max(64);
const id = z.string().min(1).max(64);
export const instantSchema = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().max(max);

export const memberAppointmentParamsSchema = z.object({ memberId, appointmentId: id });
export const memberReminderParamsSchema = z.object({ memberId, reminderId: z.uuid() });

/** Local days, both ends included; the server fills in and bounds what is missing. */
export const medicationRangeQuerySchema = z.object({
  from: scheduleDaySchema.optional(),
  to: scheduleDaySchema.optional(),
});
export type MedicationRangeQuery = z.infer<typeof medicationRangeQuerySchema>;

// ── regimen ────────────────────────────────────────────────────────────────────────────────

export const regimenBodySchema = regimenInputSchema;

export const takeHomeStatusSchema = z.object({
  onHand: z.number().int(),
  low: z.boolean(),
  lastCoveredDose: z.string().nullable(),
});

export const regimenSchema = z.object({
  medication: medicationSchema,
  doseAmount: z.number(),
  doseUnit: doseUnitSchema,
  schedule: doseScheduleSchema,
  dispensing: z
    .object({ name: z.string(), hours: z.string().nullable(), phone: z.string().nullable() })
    .nullable(),
  prescriber: z.string().nullable(),
  effectiveDate: z.string(),
  note: z.string().nullable(),
  takeHomes: takeHomeStatusSchema,
  nextDoses: z.array(z.string()),
  updatedAt: z.string(),
});
export type RegimenView = z.infer<typeof regimenSchema>;

export const regimenAnswerSchema = z.object({ regimen: regimenSchema.nullable() });
export const setRegimenAnswerSchema = z.object({
  regimen: regimenSchema,
  /** True when the prescription changed and a history entry was added. */
  changed: z.boolean(),
});

export const regimenChangeSchema = z.object({
  id: z.string(),
  medication: medicationSchema,
  doseAmount: z.number(),
  doseUnit: doseUnitSchema,
  schedule: doseScheduleSchema,
  prescriber: z.string().nullable(),
  effectiveDate: z.string(),
  note: z.string().nullable(),
  recordedAt: z.string(),
});
export const regimenHistorySchema = z.object({ changes: z.array(regimenChangeSchema) });

// ── doses ──────────────────────────────────────────────────────────────────────────────────

export const doseStatusSchema = z.enum(["taken", "late", "missed"]);

export const doseBodySchema = z.object({
  status: doseStatusSchema,
  /** When it was taken; now when left out. Ignored for a missed dose. */
  at: instantSchema.optional(),
  /** Which scheduled dose this answers; the nearest one to `at` when left out. */
  scheduledFor: instantSchema.optional(),
  /** A take-home dose: the count on hand goes down by one. */
  takeHome: z.boolean().default(false),
  note: text(1000).optional(),
});
export type DoseBody = z.infer<typeof doseBodySchema>;

export const doseSchema = z.object({
  id: z.string(),
  status: doseStatusSchema,
  takenAt: z.string().nullable(),
  scheduledFor: z.string().nullable(),
  day: z.string(),
  takeHome: z.boolean(),
  note: z.string().nullable(),
  recordedAt: z.string(),
});
export type DoseView = z.infer<typeof doseSchema>;

export const logDoseAnswerSchema = z.object({
  dose: doseSchema,
  /** Take-homes left after this dose; null when no regimen is recorded. */
  takeHomesRemaining: z.number().int().nullable(),
  /** The take-homes on hand will not reach the next clinic day (or one is left). */
  takeHomesLow: z.boolean(),
});

export const doseListSchema = z.object({
  from: z.string(),
  to: z.string(),
  doses: z.array(doseSchema),
});

export const adherenceSchema = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  graceMinutes: z.number().int(),
  due: z.number().int(),
  taken: z.number().int(),
  late: z.number().int(),
  missed: z.number().int(),
  pending: z.number().int(),
  doses: z.array(
    z.object({
      scheduledFor: z.string(),
      day: z.string(),
      state: z.enum(["taken", "late", "missed", "pending"]),
      /** Missed because nothing was logged in time (not marked missed by the member). */
      detected: z.boolean(),
      doseId: z.string().nullable(),
    }),
  ),
});
export const ADHERENCE_GRACE_MINUTES = DEFAULT_GRACE_MINUTES;

// ── appointments ───────────────────────────────────────────────────────────────────────────

export const appointmentBodySchema = z.object({
  kind: appointmentKindSchema,
  title: text(120).optional(),
  startsAt: instantSchema,
  endsAt: instantSchema.nullable().optional(),
  place: text(200).optional(),
  notes: text(2000).optional(),
});
export type AppointmentBody = z.infer<typeof appointmentBodySchema>;

export const appointmentSchema = z.object({
  id: z.string(),
  kind: appointmentKindSchema,
  title: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  place: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AppointmentView = z.infer<typeof appointmentSchema>;
export const appointmentListSchema = z.object({
  from: z.string(),
  to: z.string(),
  appointments: z.array(appointmentSchema),
});

// ── reminders and push ─────────────────────────────────────────────────────────────────────

export const reminderBodySchema = reminderInputSchema;

export const reminderSchema = z.object({
  id: z.string(),
  kind: reminderKindSchema,
  localTime: z.string(),
  days: z.array(weekdaySchema),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReminderView = z.infer<typeof reminderSchema>;

export const reminderListSchema = z.object({
  reminders: z.array(reminderSchema),
  /** The member opted in to medication names and appointment details in notifications. */
  notificationDetails: z.boolean(),
  /** Devices that will receive Web Push notifications. */
  pushDevices: z.number().int(),
});

export const notificationPreferencesSchema = z.object({ details: z.boolean() });

/** A browser's PushSubscription.toJSON(). */
export const pushSubscriptionBodySchema = z.object({
  endpoint: z.url({ message: "Give the push service address as a URL" }).max(2048),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    p256dh: z.string().min(1).max(200),
    auth: z.string().min(1).max(100),
  }),
});
export type PushSubscriptionBody = z.infer<typeof pushSubscriptionBodySchema>;
export const pushSubscriptionSchema = z.object({ id: z.string(), createdAt: z.string() });
export const pushUnsubscribeBodySchema = z.object({ endpoint: z.string().min(1).max(2048) });
export const pushPublicKeySchema = z.object({ publicKey: z.string() });

// ── calendar feed ──────────────────────────────────────────────────────────────────────────

export const calendarFeedBodySchema = z.object({
  /** Show medication names and appointment details in the feed; discreet titles otherwise. */
  details: z.boolean().default(false),
});
export const calendarFeedSchema = z.object({
  url: z.string(),
  details: z.boolean(),
  createdAt: z.string(),
});
export const calendarFeedStatusSchema = z.object({
  active: z.boolean(),
  details: z.boolean(),
  createdAt: z.string().nullable(),
  lastFetchedAt: z.string().nullable(),
});
export const calendarFeedParamsSchema = z.object({
  feed: z.string().regex(/^[A-Za-z0-9_-]{16,64}\.ics$/, { message: "Not a calendar address" }),
});
