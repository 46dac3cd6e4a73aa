import { z } from "zod";
import { consentCategorySchema, type DataCategory, dataCategorySchema } from "../consent";
import { doseScheduleSchema } from "../dose-schedule";
import { doseUnitSchema, medicationSchema } from "../medication";

/** Request and response shapes of the care team: consents, the access log, caseload, summary. */

export const consentIdParamsSchema = z.object({ consentId: z.string().min(1).max(64) });

export const createConsentRequestSchema = z
  .object({
    /** The recipient's account: a clinician, a care team member or a supporter. */
    recipientEmail: z.email().max(254),
    purpose: z.string().trim().min(3).max(500),
    categories: z
      .array(consentCategorySchema)
      .min(1)
      .refine((list) => new Set(list).size === list.length, "Name each category once."),
    /** When the consent ends; null when it ends with an event instead. */
    expiresAt: z.iso.datetime({ offset: true }).nullable(),
    /** The event that ends it ("when I leave the Riverside program"); needed without a date. */
    expiryEvent: z.string().trim().min(3).max(300).nullable().optional(),
    signature: z.object({ typedName: z.string().trim().min(2).max(200) }),
    /** The member read and accepts that they can revoke this consent at any time. */
    revocationAcknowledged: z.literal(true),
  })
  .refine((body) => body.expiresAt !== null || (body.expiryEvent ?? null) !== null, {
    message: "Give an end date or the event that ends this consent.",
    path: ["expiryEvent"],
  });
export type CreateConsentRequest = z.infer<typeof createConsentRequestSchema>;

const personSchema = z.object({ id: z.string(), displayName: z.string().nullable() });

export const consentSchema = z.object({
  id: z.string(),
  member: personSchema,
  recipient: personSchema.extend({ email: z.string() }),
  purpose: z.string(),
  categories: z.array(dataCategorySchema),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  expiryEvent: z.string().nullable(),
  /** Null for grants made before signed consents existed. */
  signature: z.object({ typedName: z.string(), signedAt: z.string() }).nullable(),
  revocationAcknowledged: z.boolean(),
  revocationStatement: z.string(),
  revokedAt: z.string().nullable(),
  status: z.enum(["active", "expired", "revoked"]),
});
export type Consent = z.infer<typeof consentSchema>;

export const consentListSchema = z.object({
  /** Consents the signed-in person gave. */
  given: z.array(consentSchema),
  /** Consents others gave the signed-in person ("shared with me"). */
  received: z.array(consentSchema),
});

export const accessLogEntrySchema = z.object({
  at: z.string(),
  who: personSchema,
  verb: z.enum(["read", "write"]),
  /** The category or view ("checkins", "summary", "caseload"). */
  what: z.string(),
  resource: z.string(),
  why: z.string().nullable(),
  outcome: z.enum(["allowed", "denied"]),
  /** The sentence to show, as an i18n key and its params. */
  description: z.object({
    key: z.string(),
    params: z.object({ actor: z.string(), what: z.string() }),
  }),
});
export const accessLogSchema = z.object({ events: z.array(accessLogEntrySchema) });

export const careFlagSchema = z.object({
  code: z.enum([
    "craving_high",
    "missed_doses",
    "no_checkin",
    "lapse_recorded",
    "bam_risk_up",
    "phq9_item9",
  ]),
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  weight: z.number(),
  category: z.string(),
  evidence: z.object({
    days: z.array(z.string()).optional(),
    recordIds: z.array(z.string()).optional(),
    values: z.array(z.number()).optional(),
  }),
});

export const caseloadEntrySchema = z.object({
  memberId: z.string(),
  displayName: z.string().nullable(),
  categories: z.array(dataCategorySchema),
  purpose: z.string(),
  lastCheckinOn: z.string().nullable(),
  attention: z.number(),
  flags: z.array(careFlagSchema),
  /** Messages from the member this clinician has not read; null unless the grant names
   * messages. */
  unreadMessages: z.number().nullable(),
  /** Lessons done in all, assigned, and assigned and done; null unless the grant names lessons. */
  lessons: z
    .object({ done: z.number(), assigned: z.number(), assignedDone: z.number() })
    .nullable(),
});
export const caseloadSchema = z.object({
  today: z.string(),
  redisclosureNotice: z.string(),
  members: z.array(caseloadEntrySchema),
});
export type Caseload = z.infer<typeof caseloadSchema>;

export const memberSummarySchema = z.object({
  member: personSchema,
  from: z.string(),
  to: z.string(),
  /** The categories this reader may see; sections outside them are null. */
  categories: z.array(dataCategorySchema),
  checkins: z
    .array(z.object({ day: z.string(), mood: z.number(), craving: z.number(), used: z.boolean() }))
    .nullable(),
  cravings: z
    .array(z.object({ day: z.string(), count: z.number(), maxIntensity: z.number() }))
    .nullable(),
  lapses: z.array(z.object({ id: z.string(), day: z.string() })).nullable(),
  plan: z
    .object({
      goals: z.array(z.object({ id: z.string(), title: z.string(), status: z.string() })),
      steps: z.array(
        z.object({
          id: z.string(),
          goalId: z.string().nullable(),
          title: z.string(),
          status: z.string(),
        }),
      ),
    })
    .nullable(),
  doses: z
    .object({
      taken: z.number(),
      missed: z.number(),
      days: z.array(z.object({ day: z.string(), status: z.string() })),
    })
    .nullable(),
  /**
   * The prescriptions in force at some point of the period, as the member recorded them
   * (never advice): `until` is the day the next one took effect; "intended" starts later.
   */
  regimens: z
    .array(
      z.object({
        id: z.string(),
        medication: medicationSchema,
        doseAmount: z.number(),
        doseUnit: doseUnitSchema,
        schedule: doseScheduleSchema,
        prescriber: z.string().nullable(),
        from: z.string(),
        until: z.string().nullable(),
        status: z.enum(["active", "intended", "stopped"]),
      }),
    )
    .nullable(),
  assessments: z
    .array(
      z.object({
        id: z.string(),
        instrumentId: z.string(),
        at: z.string(),
        total: z.number().nullable(),
      }),
    )
    .nullable(),
  redisclosureNotice: z.string().nullable(),
});
export type MemberSummary = z.infer<typeof memberSummarySchema>;

export const clinicalNoteRequestSchema = z.object({ body: z.string().trim().min(1).max(4000) });
export const clinicalNoteSchema = z.object({
  id: z.string(),
  author: personSchema,
  body: z.string(),
  createdAt: z.string(),
});
export type ClinicalNote = z.infer<typeof clinicalNoteSchema>;
export const clinicalNoteListSchema = z.object({ notes: z.array(clinicalNoteSchema) });

/** What a supporter sees: yes/no signals, never the record itself (no notes, no numbers). */
export const supporterViewSchema = z.object({
  member: personSchema,
  /** Null when the member did not share check-ins. */
  checkedInToday: z.boolean().nullable(),
  /** A lapse recorded in the last 7 days; null when the member did not share use. */
  lapseRecorded: z.boolean().nullable(),
  /**
   * When the member last asked for support, if within SUPPORT_REQUEST_WINDOW_MS. An ask is a
   * check-ins signal: null when check-ins are not shared (checkedInToday is null then too) or
   * when there was no ask in the window.
   */
  askedForSupport: z.object({ at: z.string() }).nullable(),
  redisclosureNotice: z.string(),
});

export const suggestionParamsSchema = z.object({
  memberId: z.string().min(1).max(64),
  suggestionId: z.string().min(1).max(64),
});
export const suggestPlanStepRequestSchema = z.object({
  goalId: z.string().min(1).max(64),
  title: z.string().trim().min(1).max(200),
  note: z.string().trim().max(2000).optional(),
});
export const respondToSuggestionRequestSchema = z.object({
  response: z.enum(["accept", "decline"]),
});
export const planSuggestionSchema = z.object({
  id: z.string(),
  author: personSchema,
  goalId: z.string(),
  title: z.string(),
  note: z.string(),
  status: z.enum(["pending", "accepted", "declined"]),
  stepId: z.string().nullable(),
  createdAt: z.string(),
  respondedAt: z.string().nullable(),
});
export type PlanSuggestion = z.infer<typeof planSuggestionSchema>;
export const planSuggestionListSchema = z.object({ suggestions: z.array(planSuggestionSchema) });

/**
 * "Let my supporters know I could use support": a signal with no words at all, so nothing the
 * member wrote — and nothing about why (a lapse, a craving) — can travel with it. Whoever holds
 * a live grant naming this category sees "asked for support" and when, in the supporter view.
 */
export const SUPPORT_REQUEST_CATEGORY = "checkins" as const satisfies DataCategory;
/** How long an ask shows in the supporter view. */
export const SUPPORT_REQUEST_WINDOW_MS = 24 * 3_600_000;
/** A second ask this soon after the last one is the same ask (answered with it, not stored). */
export const SUPPORT_REQUEST_COLLAPSE_MS = 30 * 60_000;

/** No fields: free text (or a reason) is refused rather than ignored. */
export const askForSupportRequestSchema = z.object({}).strict();
export const supportRequestSchema = z.object({
  id: z.string(),
  at: z.string(),
  /** True when this ask was folded into one made in the last 30 minutes. */
  collapsed: z.boolean(),
});
export type SupportRequest = z.infer<typeof supportRequestSchema>;
/** The member's ask still showing to supporters (within SUPPORT_REQUEST_WINDOW_MS), if any. */
export const openSupportRequestSchema = z.object({ request: supportRequestSchema.nullable() });
export const supportRequestParamsSchema = z.object({
  memberId: z.string().min(1).max(64),
  requestId: z.string().min(1).max(64),
});
