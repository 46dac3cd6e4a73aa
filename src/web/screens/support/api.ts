import type { okSchema } from "../../../domain/api/auth";
import {
  type AttendanceBody,
  attendanceBodySchema,
  type attendanceListSchema,
  type attendanceSchema,
  type ContactBody,
  contactBodySchema,
  type contactListSchema,
  type contactSchema,
  type crisisResourcesSchema,
  type meetingImportResultSchema,
  type meetingSchema,
  type meetingSearchSchema,
  naloxoneBodySchema,
  type naloxoneSchema,
  type naloxoneStateSchema,
  type SaveMeetingBody,
} from "../../../domain/api/support";
import type { LocalDay } from "../../../domain/local-day";
import { call, validated } from "../../api";
import type { NewWrite } from "../../offline/sync";

/** The support side's client: people, meetings, attendance, crisis lines and naloxone. */

/** A random key for one write; reused when the same write is retried. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

const member = (memberId: string) => `/members/${encodeURIComponent(memberId)}`;

/** What the meeting search screen can ask for; empty values are left out of the query. */
export interface MeetingSearch {
  withinHours?: number;
  day?: number;
  from?: string;
  to?: string;
  types?: string;
  mode?: "any" | "online" | "in_person";
  latitude?: number;
  longitude?: number;
  radiusKm?: number;
  saved?: boolean;
}

function queryOf(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === "") continue;
    search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** The link that downloads the attendance record; the browser sends the session cookie. */
export function attendancePdfHref(memberId: string, from: LocalDay, to: LocalDay): string {
  return `/api${member(memberId)}/attendance.pdf${queryOf({ from, to })}`;
}

export const supportApi = {
  listContacts: async (memberId: string) =>
    (await call<typeof contactListSchema>("GET", `${member(memberId)}/contacts`)).contacts,

  /** The member's support people, and the plan steps a person can be linked to. */
  contactsWithPlanSteps: (memberId: string) =>
    call<typeof contactListSchema>("GET", `${member(memberId)}/contacts`),

  createContact: (memberId: string, body: ContactBody) =>
    call<typeof contactSchema>(
      "POST",
      `${member(memberId)}/contacts`,
      validated(contactBodySchema, body),
      { "idempotency-key": newIdempotencyKey() },
    ),

  updateContact: (memberId: string, contactId: string, body: ContactBody) =>
    call<typeof contactSchema>(
      "PUT",
      `${member(memberId)}/contacts/${encodeURIComponent(contactId)}`,
      validated(contactBodySchema, body),
    ),

  deleteContact: (memberId: string, contactId: string) =>
    call<typeof okSchema>(
      "DELETE",
      `${member(memberId)}/contacts/${encodeURIComponent(contactId)}`,
    ),

  importMeetingFeed: (meetings: unknown[]) =>
    call<typeof meetingImportResultSchema>(
      "POST",
      "/meetings/imports",
      { meetings },
      {
        "idempotency-key": newIdempotencyKey(),
      },
    ),

  searchMeetings: (memberId: string, search: MeetingSearch) =>
    call<typeof meetingSearchSchema>(
      "GET",
      `${member(memberId)}/meetings${queryOf({
        ...search,
        saved: search.saved ? "true" : undefined,
      })}`,
    ),

  /** Save or unsave; with a lead in minutes (null: none) the member is reminded before it. */
  saveMeeting: (memberId: string, meetingId: string, body: SaveMeetingBody) =>
    call<typeof meetingSchema>(
      "PUT",
      `${member(memberId)}/saved-meetings/${encodeURIComponent(meetingId)}`,
      body,
      { "idempotency-key": newIdempotencyKey() },
    ),

  /** A meeting entered by hand, as one Meeting Guide row. */
  createMeeting: (memberId: string, row: Record<string, unknown>, key: string) =>
    call<typeof meetingSchema>("POST", `${member(memberId)}/meetings`, row, {
      "idempotency-key": key,
    }),

  logAttendance: (memberId: string, body: AttendanceBody, key: string) =>
    call<typeof attendanceSchema>(
      "POST",
      `${member(memberId)}/attendance`,
      validated(attendanceBodySchema, body),
      { "idempotency-key": key },
    ),

  listAttendance: (memberId: string, from: LocalDay, to: LocalDay) =>
    call<typeof attendanceListSchema>(
      "GET",
      `${member(memberId)}/attendance${queryOf({ from, to })}`,
    ),

  crisisResources: (locale: string, region = "US") =>
    call<typeof crisisResourcesSchema>("GET", `/crisis-resources${queryOf({ locale, region })}`),

  /** Where the member keeps their naloxone, or null before they said. */
  naloxone: async (memberId: string) =>
    (await call<typeof naloxoneStateSchema>("GET", `${member(memberId)}/naloxone`)).naloxone,

  setNaloxone: (memberId: string, location: string, expiresOn: string | null) =>
    call<typeof naloxoneSchema>(
      "PUT",
      `${member(memberId)}/naloxone`,
      validated(naloxoneBodySchema, { location, expiresOn }),
    ),
};

/** Meeting attendance as a write for the offline queue (web/offline, issue 15), timed now. */
export function attendanceWrite(memberId: string, body: AttendanceBody): NewWrite {
  return {
    kind: "attendance",
    method: "POST",
    path: `${member(memberId)}/attendance`,
    body: validated(attendanceBodySchema, { at: new Date().toISOString(), ...body }),
  };
}
