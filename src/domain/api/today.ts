import { z } from "zod";
import type { TimeLabels } from "../time-labels";
import { assessmentsDueSchema, withdrawalEpisodeListSchema } from "./assessments";
import { clinicalNoteListSchema, planSuggestionListSchema } from "./care";
import { checkinSchema } from "./daily";
import { lessonListSchema } from "./lessons";
import { localDaySchema } from "./local-day";
import { adherenceSchema, appointmentListSchema, regimenSchema } from "./medication";
import { planReviewListSchema, planSchema } from "./plan";
import { memberRewardsSchema } from "./rewards";

/** `TimeLabels` as the server checks it (the phone reads the plain type, without zod). */
const timeLabelsSchema = z.object({
  locale: z.string(),
  timeZone: z.string(),
  time: z.record(z.string(), z.string()),
  dateTime: z.record(z.string(), z.string()),
}) satisfies z.ZodType<TimeLabels>;

/**
 * Everything Today's cards show, for the signed-in person, in one answer (issue 16): a cheap
 * phone on a slow network waits for one round trip instead of eleven. Each part is the same
 * answer its own endpoint gives (named beside it), so a card reads either the same way.
 */
export const todaySchema = z.object({
  /** The person's own calendar day the answer is for (in their time zone). */
  date: localDaySchema,
  /** Today's check-in, or null before it is done (listCheckins for the one day). */
  checkin: checkinSchema.nullable(),
  plan: planSchema, // getPlan
  planReviews: planReviewListSchema, // listPlanReviews
  assessmentsDue: assessmentsDueSchema, // listAssessmentsDue
  withdrawalEpisodes: withdrawalEpisodeListSchema, // listWithdrawalEpisodes
  /** Null without a regimen; else the doses of the last MISSED_DOSE_LOOKBACK_DAYS days (to count
   * missed days in a row) and the visits of the next TODAY_APPOINTMENT_DAYS days. */
  medication: z
    .object({
      regimen: regimenSchema, // getRegimen
      adherence: adherenceSchema, // getAdherence
      appointments: appointmentListSchema, // listAppointments
      /** Today's dose times and the visits' days and times, written on the server in the
       * person's language and zone (domain/time-labels.ts), so the card needs no Intl
       * formatter on the phone to draw. */
      labels: timeLabelsSchema,
    })
    .nullable(),
  clinicalNotes: clinicalNoteListSchema, // listClinicalNotes
  planSuggestions: planSuggestionListSchema, // listPlanSuggestions
  rewards: memberRewardsSchema, // getMemberRewards
  lessons: lessonListSchema, // listLessons
});
export type Today = z.infer<typeof todaySchema>;

/** How far ahead Today looks for the next clinic visit. */
export const TODAY_APPOINTMENT_DAYS = 60;
