import {
  assessmentListSchema,
  assessmentSchema,
  assessmentsDueSchema,
  instrumentListSchema,
  questionnaireResponseSchema,
  type StartEpisodeBody,
  type SubmitAssessmentBody,
  startEpisodeBodySchema,
  submitAssessmentBodySchema,
  withdrawalCourseSchema,
  withdrawalEpisodeListSchema,
  withdrawalEpisodeSchema,
} from "../../../domain/api/assessments";
import type { Locale } from "../../../domain/api/auth";
import { memberProfileSchema } from "../../../domain/api/members";
import type { LocalDay } from "../../../domain/local-day";
import type { OpioidType } from "../../../domain/withdrawal";
import { call, validated } from "../../api";

/**
 * The assessments client: instrument definitions (in the person's language), responses, what
 * is due, and the withdrawal tracker. Writes carry an Idempotency-Key so a retry lands once.
 */

const member = (memberId: string) => `/members/${encodeURIComponent(memberId)}`;
const keyed = (key: string) => ({ "idempotency-key": key });

export const assessmentsApi = {
  listInstruments: (lang: Locale) => call("GET", `/instruments?lang=${lang}`, instrumentListSchema),

  getInstrument: (instrumentId: string, lang: Locale) =>
    call(
      "GET",
      `/instruments/${encodeURIComponent(instrumentId)}?lang=${lang}`,
      questionnaireResponseSchema,
    ),

  submit: (memberId: string, body: SubmitAssessmentBody, idempotencyKey: string) =>
    call(
      "POST",
      `${member(memberId)}/assessments`,
      assessmentSchema,
      validated(submitAssessmentBodySchema, body),
      keyed(idempotencyKey),
    ),

  list: (memberId: string, query: { instrument?: string; from?: LocalDay } = {}) => {
    const params = new URLSearchParams();
    if (query.instrument) params.set("instrument", query.instrument);
    if (query.from) params.set("from", query.from);
    const search = params.size > 0 ? `?${params}` : "";
    return call("GET", `${member(memberId)}/assessments${search}`, assessmentListSchema);
  },

  /** The member's name, for someone rating them; refused (403) unless "profile" is shared. */
  profile: (memberId: string) => call("GET", `${member(memberId)}/profile`, memberProfileSchema),

  due: (memberId: string) =>
    call("GET", `${member(memberId)}/assessments-due`, assessmentsDueSchema),

  course: (opioidType: OpioidType, lang: Locale) =>
    call(
      "GET",
      `/withdrawal-course/${encodeURIComponent(opioidType)}?lang=${lang}`,
      withdrawalCourseSchema,
    ),

  episodes: (memberId: string) =>
    call("GET", `${member(memberId)}/withdrawal-episodes`, withdrawalEpisodeListSchema),

  startEpisode: (memberId: string, body: StartEpisodeBody, idempotencyKey: string) =>
    call(
      "POST",
      `${member(memberId)}/withdrawal-episodes`,
      withdrawalEpisodeSchema,
      validated(startEpisodeBodySchema, body),
      keyed(idempotencyKey),
    ),

  endEpisode: (memberId: string, episodeId: string, idempotencyKey: string) =>
    call(
      "POST",
      `${member(memberId)}/withdrawal-episodes/${encodeURIComponent(episodeId)}/end`,
      withdrawalEpisodeSchema,
      {},
      keyed(idempotencyKey),
    ),
};
