import { z } from "zod";
import { COPING_TOOLS, TRIGGER_KINDS } from "../craving";
import type { Progress } from "../progress";
import { localDaySchema } from "./local-day";

/** Request and response shapes of the everyday features: check-in, cravings, use, progress. */

const score = z.number().int().min(0).max(10);
/** Free text a person types; blank means "not said" and is stored as null. */
const text = (max: number) => z.string().trim().max(max);
export const triggerKindSchema = z.enum(TRIGGER_KINDS);
export const copingToolSchema = z.enum(COPING_TOOLS);
export const instantSchema = z.iso.datetime({ offset: true });

export const memberDayParamsSchema = z.object({
  memberId: z.string().min(1).max(64),
  date: localDaySchema,
});
export const memberUseParamsSchema = z.object({
  memberId: z.string().min(1).max(64),
  useId: z.string().min(1).max(64),
});

/** A range of local days, both ends included; the server fills in and bounds what is missing. */
export const dayRangeQuerySchema = z.object({
  from: localDaySchema.optional(),
  to: localDaySchema.optional(),
});
export type DayRangeQuery = z.infer<typeof dayRangeQuerySchema>;

export const haltSchema = z.object({
  hungry: z.boolean(),
  angry: z.boolean(),
  lonely: z.boolean(),
  tired: z.boolean(),
});

export const checkinBodySchema = z.object({
  mood: score,
  craving: score,
  used: z.boolean(),
  medicationTaken: z.boolean().nullable().optional(),
  sleepHours: z.number().min(0).max(24).nullable().optional(),
  stress: score.nullable().optional(),
  halt: haltSchema.nullable().optional(),
  meeting: z.boolean().nullable().optional(),
  note: text(2000).nullable().optional(),
});
export type CheckinBody = z.infer<typeof checkinBodySchema>;

export const checkinSchema = z.object({
  date: z.string(),
  mood: z.number(),
  craving: z.number(),
  used: z.boolean(),
  medicationTaken: z.boolean().nullable(),
  sleepHours: z.number().nullable(),
  stress: z.number().nullable(),
  halt: haltSchema.nullable(),
  meeting: z.boolean().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Checkin = z.infer<typeof checkinSchema>;
export const checkinListSchema = z.object({
  from: z.string(),
  to: z.string(),
  checkins: z.array(checkinSchema),
});

export const triggerSchema = z.object({
  kind: triggerKindSchema,
  text: text(200).optional(),
});

export const cravingBodySchema = z.object({
  intensity: score,
  at: instantSchema.optional(),
  trigger: triggerSchema.optional(),
  place: text(200).optional(),
  people: text(200).optional(),
  feeling: text(200).optional(),
  whatIDid: text(1000).optional(),
  passed: z.boolean().optional(),
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .optional(),
});
export type CravingBody = z.infer<typeof cravingBodySchema>;

export const cravingSchema = z.object({
  id: z.string(),
  at: z.string(),
  date: z.string(),
  intensity: z.number(),
  trigger: z.object({ kind: triggerKindSchema, text: z.string().nullable() }).nullable(),
  place: z.string().nullable(),
  people: z.string().nullable(),
  feeling: z.string().nullable(),
  whatIDid: z.string().nullable(),
  passed: z.boolean().nullable(),
  durationMinutes: z.number().nullable(),
  createdAt: z.string(),
});
export type Craving = z.infer<typeof cravingSchema>;
export const cravingListSchema = z.object({
  from: z.string(),
  to: z.string(),
  cravings: z.array(cravingSchema),
});

export const copingUseBodySchema = z.object({
  tool: copingToolSchema,
  cravingId: z.string().min(1).max(64).optional(),
  passed: z.boolean().optional(),
  at: instantSchema.optional(),
});
export type CopingUseBody = z.infer<typeof copingUseBodySchema>;

export const copingUseSchema = z.object({
  id: z.string(),
  at: z.string(),
  date: z.string(),
  tool: copingToolSchema,
  cravingId: z.string().nullable(),
  passed: z.boolean().nullable(),
});
export type CopingUse = z.infer<typeof copingUseSchema>;

export const copingStatsSchema = z.object({
  tools: z.array(
    z.object({
      tool: copingToolSchema,
      uses: z.number(),
      passedCount: z.number(),
      notPassedCount: z.number(),
    }),
  ),
});

export const useBodySchema = z.object({
  at: instantSchema,
  substance: text(100).optional(),
  amount: text(100).optional(),
  where: text(200).optional(),
  note: text(2000).optional(),
});
export type UseBody = z.infer<typeof useBodySchema>;

export const useSchema = z.object({
  id: z.string(),
  at: z.string(),
  date: z.string(),
  substance: z.string().nullable(),
  amount: z.string().nullable(),
  where: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type Use = z.infer<typeof useSchema>;
export const useListSchema = z.object({
  from: z.string(),
  to: z.string(),
  uses: z.array(useSchema),
});

const phoneNumberSchema = z.object({ tel: z.string(), display: z.string() });
export const lapseSafetySchema = z.object({
  messageKeys: z.array(z.string()),
  returnMessageKeys: z.array(z.string()),
  neverUseAlone: phoneNumberSchema,
  emergency: phoneNumberSchema,
  daysWithoutUseBefore: z.number(),
});
export const recordedUseSchema = z.object({ use: useSchema, safety: lapseSafetySchema });
export type RecordedUse = z.infer<typeof recordedUseSchema>;

const trendSchema = z.object({
  change: z.number(),
  direction: z.enum(["rising", "falling", "steady"]),
});
const windowSummarySchema = z.object({
  days: z.number(),
  from: z.string(),
  to: z.string(),
  daysCounted: z.number(),
  checkinDays: z.number(),
  checkinConsistency: z.number().nullable(),
  moodAverage: z.number().nullable(),
  cravingAverage: z.number().nullable(),
  moodTrend: trendSchema.nullable(),
  cravingTrend: trendSchema.nullable(),
});
export const progressSchema = z.object({
  today: z.string(),
  recoveryStart: z.string(),
  daysSinceStart: z.number(),
  totalDaysWithoutUse: z.number(),
  daysWithUse: z.number(),
  currentStreakDays: z.number(),
  longestStreakDays: z.number(),
  lapses: z.number(),
  returns: z.array(
    z.object({
      lapseStartedOn: z.string(),
      lapseEndedOn: z.string(),
      returnedOn: z.string().nullable(),
      daysToReturn: z.number().nullable(),
    }),
  ),
  lastUseOn: z.string().nullable(),
  moneyRegained: z.number().nullable(),
  planSteps: z.object({ done: z.number(), total: z.number() }).nullable(),
  checkedInToday: z.boolean(),
  checkinConsistency: z.number().nullable(),
  windows: z.object({
    last7: windowSummarySchema,
    last30: windowSummarySchema,
    last90: windowSummarySchema,
  }),
});
// The wire shape and the domain's result must not drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const progressShapesAgree: Same<z.infer<typeof progressSchema>, Progress> = true;
void progressShapesAgree;
