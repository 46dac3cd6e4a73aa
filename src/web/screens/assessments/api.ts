import {
  type assessmentListSchema,
  type assessmentSchema,
  type assessmentsDueSchema,
  type instrumentListSchema,
  type questionnaireResponseSchema,
  type StartEpisodeBody,
  type SubmitAssessmentBody,
  startEpisodeBodySchema,
  submitAssessmentBodySchema,
  type withdrawalCourseSchema,
  type withdrawalEpisodeListSchema,
  type withdrawalEpisodeSchema,
} from "../../../domain/api/assessments";
import type { Locale } from "../../../domain/api/auth";
import type { memberProfileSchema } from "../../../domain/api/members";
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
  listInstruments: (lang: Locale) =>
    call<typeof instrumentListSchema>("GET", `/instruments?lang=${lang}`),

  getInstrument: (instrumentId: string, lang: Locale) =>
    call<typeof questionnaireResponseSchema>(
      "GET",
      `/instruments/${encodeURIComponent(instrumentId)}?lang=${lang}`,
    ),

  submit: (memberId: string, body: SubmitAssessmentBody, idempotencyKey: string) =>
    call<typeof assessmentSchema>(
      "POST",
      `${member(memberId)}/assessments`,
      validated(submitAssessmentBodySchema, body),
      keyed(idempotencyKey),
    ),

  list: (memberId: string, query: { instrument?: string; from?: LocalDay } = {}) => {
    const params = new URLSearchParams();
    if (query.instrument) params.set("instrument", query.instrument);
    if (query.from) params.set("from", query.from);
    const search = params.size > 0 ? `?${params}` : "";
    return call<typeof assessmentListSchema>("GET", `${member(memberId)}/assessments${search}`);
  },

  /** The member's name, for someone rating them; refused (403) unless "profile" is shared. */
  profile: (memberId: string) =>
    call<typeof memberProfileSchema>("GET", `${member(memberId)}/profile`),

  due: (memberId: string) =>
    call<typeof assessmentsDueSchema>("GET", `${member(memberId)}/assessments-due`),

  course: (opioidType: OpioidType, lang: Locale) =>
    call<typeof withdrawalCourseSchema>(
      "GET",
      `/withdrawal-course/${encodeURIComponent(opioidType)}?lang=${lang}`,
    ),

  episodes: (memberId: string) =>
    call<typeof withdrawalEpisodeListSchema>("GET", `${member(memberId)}/withdrawal-episodes`),

  startEpisode: (memberId: string, body: StartEpisodeBody, idempotencyKey: string) =>
    call<typeof withdrawalEpisodeSchema>(
      "POST",
      `${member(memberId)}/withdrawal-episodes`,
      validated(startEpisodeBodySchema, body),
      keyed(idempotencyKey),
    ),

  endEpisode: (memberId: string, episodeId: string, idempotencyKey: string) =>
    call<typeof withdrawalEpisodeSchema>(
      "POST",
      `${member(memberId)}/withdrawal-episodes/${encodeURIComponent(episodeId)}/end`,
      {},
      keyed(idempotencyKey),
    ),
};
