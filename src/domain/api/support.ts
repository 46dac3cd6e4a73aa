import { z } from "zod";
import { MAX_LEAD_MINUTES, MIN_LEAD_MINUTES } from "../meeting-reminder";
import { contactRoleSchema, reachSchema } from "../support";
import { localeSchema } from "./auth";
import { localDaySchema } from "./local-day";

/** Request and response shapes of the support side: people, meetings, attendance, crisis. */

const text = (max: number) => z.string().trim().max(max);
const instantSchema = z.iso.datetime({ offset: true });
const idSchema = z.string().min(1).max(64);
const wallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, {
  message: 'Use a 24-hour time written as "HH:MM"',
});

// ---- support people

export const contactBodySchema = z.object({
  name: text(120).min(1),
  role: contactRoleSchema,
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+0-9 ()\-.]*$/, { message: "Use digits, spaces and + ( ) - . only" })
    .nullable()
    .optional(),
  reach: reachSchema.default("call"),
  /** Words for "other" ways to reach them. */
  reachNote: text(200).nullable().optional(),
  notes: text(2000).nullable().optional(),
  /** Plan steps this person helps with: ids of steps in the member's own plan. */
  planStepIds: z.array(idSchema).max(50).default([]),
});
export type ContactBody = z.infer<typeof contactBodySchema>;

export const contactSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: contactRoleSchema,
  phone: z.string().nullable(),
  reach: reachSchema,
  reachNote: z.string().nullable(),
  notes: z.string().nullable(),
  planStepIds: z.array(z.string()),
  /** The linked steps with their titles ("Helps with: …"); a step since deleted drops out. */
  planSteps: z.array(z.object({ id: z.string(), title: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contact = z.infer<typeof contactSchema>;
export const planStepChoiceSchema = z.object({ id: z.string(), title: z.string() });
export const contactListSchema = z.object({
  contacts: z.array(contactSchema),
  /** The member's plan steps a person can be linked to (not done or dropped first). */
  planSteps: z.array(planStepChoiceSchema),
});
export const memberContactParamsSchema = z.object({ memberId: idSchema, contactId: idSchema });

// ---- meetings

/** A member's file (`meetings`) or, for an organization admin, a feed URL to fetch. */
export const meetingImportBodySchema = z.union([
  z.object({
    meetings: z.array(z.unknown()).max(10_000),
    /** The zone of rows that name none; the member's own zone when absent. */
    timeZone: z.string().max(64).optional(),
  }),
  z.object({
    url: z.url({ protocol: /^https?$/ }).max(2000),
    organizationId: idSchema.optional(),
    timeZone: z.string().max(64).optional(),
  }),
]);
export type MeetingImportBody = z.infer<typeof meetingImportBodySchema>;

export const meetingImportResultSchema = z.object({
  imported: z.number(),
  updated: z.number(),
  skipped: z.array(z.object({ index: z.number(), reason: z.string() })),
  feedId: z.string().nullable(),
});
export type MeetingImportResult = z.infer<typeof meetingImportResultSchema>;

export const meetingSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  days: z.array(z.number()),
  time: z.string(),
  endTime: z.string().nullable(),
  timeZone: z.string(),
  types: z.array(z.string()),
  online: z.boolean(),
  inPerson: z.boolean(),
  location: z.string().nullable(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  conferenceUrl: z.string().nullable(),
  notes: z.string().nullable(),
  group: z.string().nullable(),
  source: z.enum(["member", "organization"]),
  saved: z.boolean(),
  /** Minutes before each start a reminder goes out, for a saved meeting; null for none. */
  remindMinutesBefore: z.number().nullable(),
});
export type Meeting = z.infer<typeof meetingSchema>;

const csv = z
  .string()
  .max(200)
  .transform((value) =>
    value
      .split(",")
      .map((part) => part.trim().toUpperCase())
      .filter(Boolean),
  );

export const meetingSearchQuerySchema = z
  .object({
    /** Search from this instant (default now). */
    at: instantSchema.optional(),
    /** Without day/from/to: meetings starting within this many hours of `at` (default 24). */
    withinHours: z.coerce.number().min(0.25).max(168).optional(),
    /** Weekday 0 = Sunday … 6, in the searcher's zone: today or the next such day. */
    day: z.coerce.number().int().min(0).max(6).optional(),
    from: wallTime.optional(),
    to: wallTime.optional(),
    /** The searcher's zone (default the member's own). */
    timeZone: z.string().max(64).optional(),
    /** Meeting Guide type codes, comma separated: all must match. */
    types: csv.optional(),
    mode: z.enum(["any", "online", "in_person"]).default("any"),
    latitude: z.coerce.number().min(-90).max(90).optional(),
    longitude: z.coerce.number().min(-180).max(180).optional(),
    radiusKm: z.coerce.number().positive().max(500).optional(),
    saved: z.enum(["true", "false"]).optional(),
  })
  .refine((q) => (q.latitude === undefined) === (q.longitude === undefined), {
    message: "latitude and longitude come together",
    path: ["longitude"],
  });
export type MeetingSearchQuery = z.infer<typeof meetingSearchQuerySchema>;

export const meetingResultSchema = meetingSchema.extend({
  /** The next start inside the window, as an instant. */
  startsAt: z.string(),
  distanceKm: z.number().nullable(),
});
export const meetingSearchSchema = z.object({
  start: z.string(),
  end: z.string(),
  meetings: z.array(meetingResultSchema),
});

export const memberMeetingParamsSchema = z.object({ memberId: idSchema, meetingId: idSchema });
export const saveMeetingBodySchema = z.object({
  saved: z.boolean(),
  /**
   * With `saved: true`: remind this many minutes before each start (null: no reminder).
   * Left out, a meeting already saved keeps the reminder it had.
   */
  remindMinutesBefore: z
    .number()
    .int()
    .min(MIN_LEAD_MINUTES)
    .max(MAX_LEAD_MINUTES)
    .nullable()
    .optional(),
});
export type SaveMeetingBody = z.infer<typeof saveMeetingBodySchema>;

// ---- attendance

export const attendanceBodySchema = z
  .object({
    meetingId: idSchema.optional(),
    meetingName: text(200).optional(),
    at: instantSchema.optional(),
    note: text(1000).nullable().optional(),
    signerName: text(120).nullable().optional(),
  })
  .refine((body) => body.meetingId !== undefined || Boolean(body.meetingName), {
    message: "Give the meeting (meetingId) or its name (meetingName)",
    path: ["meetingName"],
  });
export type AttendanceBody = z.infer<typeof attendanceBodySchema>;

export const attendanceSchema = z.object({
  id: z.string(),
  meetingId: z.string().nullable(),
  meetingName: z.string(),
  at: z.string(),
  date: z.string(),
  note: z.string().nullable(),
  signerName: z.string().nullable(),
  createdAt: z.string(),
});
export type Attendance = z.infer<typeof attendanceSchema>;
export const attendanceListSchema = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  attendance: z.array(attendanceSchema),
});
export const attendanceRangeQuerySchema = z.object({
  from: localDaySchema.optional(),
  to: localDaySchema.optional(),
});

// ---- crisis and naloxone

export const crisisResourceSchema = z.object({
  id: z.string().trim().min(1).max(64),
  messageKey: z.string().trim().min(1).max(120),
  tel: z.string().regex(/^\+?[0-9]{2,20}$/, { message: "Digits only, optionally a leading +" }),
  display: z.string().trim().min(1).max(40),
  sms: z
    .string()
    .regex(/^\+?[0-9]{2,20}$/)
    .optional(),
  /** Words for organization lines that have no catalog message. */
  label: z.string().trim().max(120).optional(),
});

export const crisisQuerySchema = z.object({
  locale: localeSchema.default("en"),
  region: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .default("US"),
});
export const crisisResourcesSchema = z.object({
  locale: z.string(),
  region: z.string(),
  /** "organization" when an organization has set its own lines for the region. */
  source: z.enum(["default", "organization"]),
  resources: z.array(crisisResourceSchema),
});
export const crisisParamsSchema = z.object({
  organizationId: idSchema,
  region: z.string().regex(/^[A-Z]{2}$/),
});
export const setCrisisResourcesBodySchema = z.object({
  resources: z.array(crisisResourceSchema).min(1).max(30),
});

export const naloxoneBodySchema = z.object({
  location: text(200).min(1),
  expiresOn: localDaySchema.nullable(),
});
export const naloxoneSchema = z.object({
  location: z.string(),
  expiresOn: z.string().nullable(),
  expiry: z
    .discriminatedUnion("status", [
      z.object({ status: z.literal("ok"), daysLeft: z.number() }),
      z.object({ status: z.literal("expires_soon"), daysLeft: z.number() }),
      z.object({ status: z.literal("expired"), daysAgo: z.number() }),
    ])
    .nullable(),
  updatedAt: z.string(),
});
export type Naloxone = z.infer<typeof naloxoneSchema>;
/** GET answers 200 either way: `naloxone` is null until the member says where it is. */
export const naloxoneStateSchema = z.object({ naloxone: naloxoneSchema.nullable() });
