import type { z } from "zod";
import type { questionnaireResponseSchema } from "../../../domain/api/assessments";

/** Plain helpers over the Questionnaire the server sends, shared by the form and its tests. */

export type Questionnaire = z.infer<typeof questionnaireResponseSchema>;
export type QuestionnaireItem = Questionnaire["item"][number];
export type Answers = Record<string, number>;

/**
 * Items whose answer above zero opens the crisis screen at once, before anything is sent:
 * PHQ-9 item 9 (the domain's phq9 CRISIS_ITEM). The server flags "crisis" on the same rule.
 */
const CRISIS_ITEMS: Readonly<Record<string, string>> = { "phq-9": "9" };

export function isCrisisAnswer(instrumentId: string, linkId: string, value: number): boolean {
  return CRISIS_ITEMS[instrumentId] === linkId && value > 0;
}

/**
 * A questionnaire that asks about thoughts of death or self-harm says, before it is answered,
 * that nobody watches the answers as they come in and where to get help now: a care team sees
 * a flag only when someone next opens the caseload.
 */
export function asksAboutSelfHarm(instrumentId: string): boolean {
  return instrumentId in CRISIS_ITEMS;
}

export const questionsOf = (questionnaire: Questionnaire) =>
  questionnaire.item.filter((item) => item.type === "choice");

export const introOf = (questionnaire: Questionnaire) =>
  questionnaire.item.filter((item) => item.type === "display");

/** The option's code as the number the server expects (for scored items, its score). */
export const optionValue = (code: string) => Number(code);

/** Questions the person has not answered yet, required ones only. */
export function unansweredRequired(questionnaire: Questionnaire, answers: Answers): string[] {
  return questionsOf(questionnaire)
    .filter((item) => item.required !== false && answers[item.linkId] === undefined)
    .map((item) => item.linkId);
}

// ---- a draft kept for this tab only, so leaving for the crisis screen loses nothing

const draftKey = (instrumentId: string) => `waymark.assessment-draft.${instrumentId}`;

export function loadDraft(instrumentId: string): Answers {
  try {
    const raw = sessionStorage.getItem(draftKey(instrumentId));
    if (!raw) return {};
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== "object" || parsed === null) return {};
    const answers: Answers = {};
    for (const [linkId, value] of Object.entries(parsed)) {
      if (typeof value === "number" && Number.isFinite(value)) answers[linkId] = value;
    }
    return answers;
  } catch {
    return {};
  }
}

export function saveDraft(instrumentId: string, answers: Answers): void {
  try {
    if (Object.keys(answers).length === 0) sessionStorage.removeItem(draftKey(instrumentId));
    else sessionStorage.setItem(draftKey(instrumentId), JSON.stringify(answers));
  } catch {
    // Private modes can refuse storage; the form still works, only the draft is not kept.
  }
}

export const clearDraft = (instrumentId: string) => saveDraft(instrumentId, {});
