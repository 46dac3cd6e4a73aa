import { z } from "zod";
import { opioidTypeSchema, withdrawalPhaseSchema } from "../withdrawal";
import { localeSchema } from "./auth";
import { instantSchema } from "./daily";
import { localDaySchema } from "./local-day";

/** Request and response shapes of assessments and the withdrawal tracker. */

const memberId = z.string().min(1).max(64);
export const instrumentParamsSchema = z.object({ instrumentId: z.string().min(1).max(64) });
export const langQuerySchema = z.object({ lang: localeSchema.optional() });
export const opioidTypeParamsSchema = z.object({ opioidType: opioidTypeSchema });
export const memberEpisodeParamsSchema = z.object({
  memberId,
  episodeId: z.string().min(1).max(64),
});

const coding = z.object({ system: z.string().optional(), code: z.string(), display: z.string() });
const loinc = z.object({ code: z.string(), display: z.string() });
const range = z.object({ min: z.number(), max: z.number() });

export const instrumentSummarySchema = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  category: z.enum(["assessments", "withdrawal"]),
  respondent: z.enum(["self", "clinician"]),
  itemCount: z.number(),
  loinc: loinc.nullable(),
  totalScoreLoinc: loinc.nullable(),
  totalRange: range.nullable(),
  bands: z.array(
    z.object({ code: z.string(), label: z.string(), min: z.number(), max: z.number() }),
  ),
  citation: z.string(),
  copyright: z.string(),
  spanish: z.enum(["official", "waymark-unvalidated"]),
  /** Suggested days between two responses, or null when taken whenever wanted. */
  cadenceDays: z.number().nullable(),
});
export const instrumentListSchema = z.object({
  instruments: z.array(instrumentSummarySchema),
  /** The readiness ruler is recorded with the plan, not here. */
  related: z.array(z.object({ id: z.string(), operationId: z.string() })),
});

/** The FHIR R4 Questionnaire getInstrument returns (validated in full by the domain's tests). */
export const questionnaireResponseSchema = z.object({
  resourceType: z.literal("Questionnaire"),
  id: z.string(),
  url: z.string(),
  version: z.string(),
  name: z.string(),
  title: z.string(),
  status: z.string(),
  language: z.string(),
  subjectType: z.array(z.string()).optional(),
  code: z.array(coding).optional(),
  copyright: z.string().optional(),
  extension: z.array(z.object({ url: z.string(), valueString: z.string().optional() })).optional(),
  item: z.array(
    z.object({
      linkId: z.string(),
      text: z.string(),
      type: z.string(),
      required: z.boolean().optional(),
      code: z.array(coding).optional(),
      answerOption: z
        .array(
          z.object({
            valueCoding: coding,
            extension: z
              .array(z.object({ url: z.string(), valueDecimal: z.number().optional() }))
              .optional(),
          }),
        )
        .optional(),
    }),
  ),
});

export const submitAssessmentBodySchema = z.object({
  instrument: z.string().min(1).max(64),
  /** Keyed by item linkId; each value the chosen option's code (for scored items, its score). */
  answers: z
    .record(z.string().max(16), z.unknown())
    .refine((value) => Object.keys(value).length <= 64, {
      message: "Too many answers",
    }),
  /** When it was answered; now when left out. */
  at: instantSchema.optional(),
});
export type SubmitAssessmentBody = z.infer<typeof submitAssessmentBodySchema>;

export const assessmentScoreSchema = z.object({
  total: z.number().nullable(),
  totalRange: range.nullable(),
  subscales: z.array(
    z.object({ code: z.string(), labelKey: z.string(), score: z.number().nullable(), range }),
  ),
  band: z
    .object({ code: z.string(), labelKey: z.string(), min: z.number(), max: z.number() })
    .nullable(),
  flags: z.array(z.enum(["crisis"])),
  missing: z.array(z.string()),
});

export const assessmentSchema = z.object({
  id: z.string(),
  instrument: z.string(),
  instrumentVersion: z.string(),
  at: z.string(),
  answers: z.record(z.string(), z.number()),
  score: assessmentScoreSchema,
  /** Who entered it: the member's own id, or that of the person who rated them. */
  enteredBy: z.string(),
  /** The person who entered it when that was not the member (a clinician rating COWS). */
  enteredByOther: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  episodeId: z.string().nullable(),
  hoursSinceLastUse: z.number().nullable(),
  createdAt: z.string(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const assessmentListQuerySchema = z.object({
  instrument: z.string().min(1).max(64).optional(),
  from: localDaySchema.optional(),
  to: localDaySchema.optional(),
});
export type AssessmentListQuery = z.infer<typeof assessmentListQuerySchema>;
export const assessmentListSchema = z.object({
  from: z.string(),
  to: z.string(),
  assessments: z.array(assessmentSchema),
});

export const assessmentsDueSchema = z.object({
  today: z.string(),
  due: z.array(
    z.object({
      instrument: z.string(),
      everyDays: z.number(),
      lastTakenOn: z.string().nullable(),
      dueOn: z.string(),
      due: z.boolean(),
    }),
  ),
});

const sourceSchema = z.object({ id: z.string(), citation: z.string(), url: z.string() });
export const withdrawalCourseSchema = z.object({
  opioidType: opioidTypeSchema,
  labelKey: z.string(),
  bands: z.array(
    z.object({
      phase: withdrawalPhaseSchema,
      fromHours: z.number(),
      toHours: z.number().nullable(),
      labelKey: z.string(),
      sourceId: z.string(),
    }),
  ),
  noteKeys: z.array(z.string()),
  toleranceKey: z.string(),
  helpTitleKey: z.string(),
  helpSigns: z.array(z.object({ key: z.string(), sourceIds: z.array(z.string()) })),
  sources: z.array(sourceSchema),
  /** The words for every key above, in the asked-for language. */
  texts: z.record(z.string(), z.string()),
});

export const startEpisodeBodySchema = z.object({
  lastUseAt: instantSchema,
  opioidType: opioidTypeSchema,
});
export type StartEpisodeBody = z.infer<typeof startEpisodeBodySchema>;
export const endEpisodeBodySchema = z.object({ endedAt: instantSchema.optional() });
export type EndEpisodeBody = z.infer<typeof endEpisodeBodySchema>;

export const withdrawalEpisodeSchema = z.object({
  id: z.string(),
  opioidType: opioidTypeSchema,
  lastUseAt: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
});
export type WithdrawalEpisode = z.infer<typeof withdrawalEpisodeSchema>;
export const withdrawalEpisodeListSchema = z.object({
  episodes: z.array(withdrawalEpisodeSchema),
});
