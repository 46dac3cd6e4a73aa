import { z } from "zod";
import type { Locale } from "../api/auth";
import {
  type Answers,
  type InstrumentDef,
  instrumentText,
  QUESTIONNAIRE_URL_BASE,
} from "./questionnaire";

/**
 * A stored response as a FHIR R4 QuestionnaireResponse, for a clinic's EHR. Each answer is the
 * chosen option's coding, exactly as the Questionnaire from `toQuestionnaire` offers it; the
 * response points at that Questionnaire by canonical URL and version.
 */
export const questionnaireResponseSchema = z.object({
  resourceType: z.literal("QuestionnaireResponse"),
  id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/),
  questionnaire: z.string(),
  status: z.enum(["completed", "in-progress"]),
  subject: z.object({ reference: z.string() }),
  authored: z.string().datetime(),
  /** Who rated it, when not the member (a clinician's COWS); a display-only Reference. */
  author: z.object({ display: z.string() }).optional(),
  language: z.string().optional(),
  item: z.array(
    z.object({
      linkId: z.string(),
      text: z.string().optional(),
      answer: z.array(
        z.object({ valueCoding: z.object({ code: z.string(), display: z.string().optional() }) }),
      ),
    }),
  ),
});
export type QuestionnaireResponse = z.infer<typeof questionnaireResponseSchema>;

export interface StoredResponse {
  id: string;
  memberId: string;
  answers: Answers;
  at: string;
  /** Required items left unanswered; the response is "in-progress" while any remain. */
  missing: readonly string[];
  /** The name of the clinician or supporter who rated it; absent when the member answered. */
  ratedBy?: string | undefined;
}

export function toQuestionnaireResponse(
  def: InstrumentDef,
  response: StoredResponse,
  locale: Locale,
): QuestionnaireResponse {
  const text = (key: string) => instrumentText(locale, key);
  const item = def.items.flatMap((itemDef) => {
    const value = response.answers[itemDef.linkId];
    const option = itemDef.options?.find((candidate) => candidate.code === value);
    if (value === undefined || !option) return [];
    return [
      {
        linkId: itemDef.linkId,
        text: text(itemDef.textKey),
        answer: [{ valueCoding: { code: String(option.code), display: text(option.displayKey) } }],
      },
    ];
  });
  return {
    resourceType: "QuestionnaireResponse",
    id: response.id,
    questionnaire: `${QUESTIONNAIRE_URL_BASE}${def.id}|${def.version}`,
    status: response.missing.length === 0 ? "completed" : "in-progress",
    subject: { reference: `Patient/${response.memberId}` },
    authored: response.at,
    ...(response.ratedBy ? { author: { display: response.ratedBy } } : {}),
    language: locale,
    item,
  };
}
