import { z } from "zod";
import type { Locale } from "../api/auth";
import en from "./i18n/en.json";
import es from "./i18n/es.json";

/**
 * The questionnaire engine: an instrument is data (items, answer options and their scores,
 * LOINC codes where they truly exist, the source publication) plus one scoring function that
 * follows the published rules. Definitions hold message keys; `toQuestionnaire` resolves
 * them into a FHIR R4 Questionnaire in the asked-for language. Every answer is the code of
 * the chosen option, and for scored items that code is the item's score.
 */

export const INSTRUMENT_TEXTS: Record<Locale, Readonly<Record<string, string>>> = { en, es };

export type Answers = Readonly<Record<string, number>>;

export interface LoincCode {
  code: string;
  display: string;
}

export interface AnswerOptionDef {
  code: number;
  displayKey: string;
  /** The option's score; absent when the item is not scored (BAM 7A–7G and 17, PHQ-9 item 10). */
  score?: number;
}

export interface ItemDef {
  linkId: string;
  textKey: string;
  type: "choice" | "display";
  required?: boolean;
  loinc?: LoincCode;
  options?: readonly AnswerOptionDef[];
}

export interface Band {
  code: string;
  labelKey: string;
  min: number;
  max: number;
}

export interface ScoreRange {
  min: number;
  max: number;
}

export interface SubscaleScore {
  code: string;
  labelKey: string;
  score: number | null;
  range: ScoreRange;
}

/** "crisis": the answers ask for the crisis screen at once (PHQ-9 item 9 above zero). */
export type ScoreFlag = "crisis";

export interface InstrumentScore {
  /** Null when the instrument has no total (BAM) or a needed answer is missing. */
  total: number | null;
  totalRange: ScoreRange | null;
  subscales: SubscaleScore[];
  /** Null when the source defines no band for this total, or there is no total. */
  band: Band | null;
  flags: ScoreFlag[];
  /** Required items left unanswered (linkIds). */
  missing: string[];
}

export type InstrumentId = "sows" | "cows" | "bam" | "barc-10" | "phq-9" | "gad-7";

export interface InstrumentDef {
  id: InstrumentId;
  version: string;
  /** FHIR `name`: machine-friendly. */
  name: string;
  titleKey: string;
  /** Consent category a reader needs: withdrawal scales sit under "withdrawal". */
  category: "assessments" | "withdrawal";
  /** Who the instrument is meant to be filled in by. */
  respondent: "self" | "clinician";
  loinc?: LoincCode;
  totalScoreLoinc?: LoincCode;
  /** The publication the items and scoring come from (not translated). */
  citation: string;
  /** Terms under which the text is reproduced (not translated). */
  copyright: string;
  /** Whether the Spanish text is an official version or Waymark's own, unvalidated one. */
  spanish: "official" | "waymark-unvalidated";
  items: readonly ItemDef[];
  bands: readonly Band[];
  score(answers: Answers): InstrumentScore;
}

// ---- building blocks shared by the definitions

export const choice = (
  linkId: string,
  textKey: string,
  options: readonly AnswerOptionDef[],
  extra: { loinc?: LoincCode; required?: boolean } = {},
): ItemDef => ({
  linkId,
  textKey,
  type: "choice",
  required: extra.required ?? true,
  options,
  ...(extra.loinc ? { loinc: extra.loinc } : {}),
});

export const display = (linkId: string, textKey: string): ItemDef => ({
  linkId,
  textKey,
  type: "display",
});

/** Options scored by their position: codes and scores 0..n-1 from the given keys. */
export const ordinalOptions = (keys: readonly string[], first = 0): AnswerOptionDef[] =>
  keys.map((displayKey, index) => ({ code: first + index, displayKey, score: first + index }));

/** The score of the chosen option, or undefined when unanswered or not scored. */
export function itemScore(def: InstrumentDef, answers: Answers, linkId: string) {
  const value = answers[linkId];
  if (value === undefined) return undefined;
  const item = def.items.find((candidate) => candidate.linkId === linkId);
  return item?.options?.find((option) => option.code === value)?.score;
}

/** The sum over the given items, or null when any of them is unanswered. */
export function sumOf(def: InstrumentDef, answers: Answers, linkIds: readonly string[]) {
  let sum = 0;
  const missing: string[] = [];
  for (const linkId of linkIds) {
    const score = itemScore(def, answers, linkId);
    if (score === undefined) missing.push(linkId);
    else sum += score;
  }
  return { sum: missing.length === 0 ? sum : null, missing };
}

export const bandFor = (bands: readonly Band[], total: number | null): Band | null =>
  total === null ? null : (bands.find((band) => total >= band.min && total <= band.max) ?? null);

export const requiredLinkIds = (items: readonly ItemDef[]) =>
  items.filter((item) => item.type === "choice" && item.required).map((item) => item.linkId);

/** Range of a sum of items: the lowest and highest option scores of each, added up. */
export function rangeOf(def: InstrumentDef, linkIds: readonly string[]): ScoreRange {
  let min = 0;
  let max = 0;
  for (const linkId of linkIds) {
    const scores = (def.items.find((item) => item.linkId === linkId)?.options ?? [])
      .map((option) => option.score)
      .filter((score): score is number => score !== undefined);
    min += Math.min(...scores);
    max += Math.max(...scores);
  }
  return { min, max };
}

/** Scoring for instruments whose result is the plain sum of every required item. */
export function totalScore(def: InstrumentDef, answers: Answers): InstrumentScore {
  const linkIds = requiredLinkIds(def.items);
  const { sum, missing } = sumOf(def, answers, linkIds);
  return {
    total: sum,
    totalRange: rangeOf(def, linkIds),
    subscales: [],
    band: bandFor(def.bands, sum),
    flags: [],
    missing,
  };
}

// ---- checking answers a person sends

export interface AnswerProblem {
  code: "no_answers" | "unknown_item" | "not_answerable" | "invalid_answer";
  field: string;
  message: string;
}

/** Why these answers cannot be stored for this instrument, or null. Missing answers are allowed:
 * scoring reports them and leaves the total out. */
export function answersProblem(
  def: InstrumentDef,
  answers: Record<string, unknown>,
): AnswerProblem | null {
  const entries = Object.entries(answers);
  if (entries.length === 0) {
    return { code: "no_answers", field: "answers", message: "Answer at least one question." };
  }
  for (const [linkId, value] of entries) {
    const field = `answers.${linkId}`;
    const item = def.items.find((candidate) => candidate.linkId === linkId);
    if (!item) {
      return {
        code: "unknown_item",
        field,
        message: `"${linkId}" is not a question of ${def.id}.`,
      };
    }
    if (item.type !== "choice") {
      return { code: "not_answerable", field, message: `"${linkId}" is not a question to answer.` };
    }
    const codes = (item.options ?? []).map((option) => option.code);
    if (typeof value !== "number" || !codes.includes(value)) {
      return {
        code: "invalid_answer",
        field,
        message: `Choose one of ${codes.join(", ")} for question "${linkId}".`,
      };
    }
  }
  return null;
}

// ---- the FHIR R4 Questionnaire shape (the subset Waymark uses)

const ORDINAL_VALUE_URL = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
const CITATION_URL = "http://hl7.org/fhir/StructureDefinition/cqf-citation";
export const LOINC_SYSTEM = "http://loinc.org";
export const QUESTIONNAIRE_URL_BASE = "urn:waymark:fhir:Questionnaire:";

const fhirCode = z.string().regex(/^[^\s]+(\s[^\s]+)*$/);
const fhirUri = z.string().regex(/^\S+:\S+$/);
const coding = z.object({ system: fhirUri.optional(), code: fhirCode, display: z.string().min(1) });
const extension = z.object({
  url: fhirUri,
  valueDecimal: z.number().optional(),
  valueString: z.string().optional(),
});

const baseItem = z.object({
  linkId: z.string().min(1).max(255),
  text: z.string().min(1),
  type: z.enum(["group", "display", "choice"]),
  required: z.boolean().optional(),
  code: z.array(coding).min(1).optional(),
  answerOption: z
    .array(z.object({ valueCoding: coding, extension: z.array(extension).optional() }))
    .min(1)
    .optional(),
});
type QuestionnaireItem = z.infer<typeof baseItem> & { item?: QuestionnaireItem[] };
const questionnaireItem: z.ZodType<QuestionnaireItem> = baseItem
  .extend({ item: z.lazy(() => z.array(questionnaireItem)).optional() })
  .superRefine((item, context) => {
    // que-5: only choice items carry answer options; que-6: display items are never required.
    if (item.answerOption && item.type !== "choice") {
      context.addIssue({
        code: "custom",
        message: `${item.linkId}: only choice items have options`,
      });
    }
    if (item.type === "choice" && !item.answerOption) {
      context.addIssue({ code: "custom", message: `${item.linkId}: a choice item needs options` });
    }
    if (item.type === "display" && (item.required !== undefined || item.item)) {
      context.addIssue({
        code: "custom",
        message: `${item.linkId}: display items hold no answers`,
      });
    }
    const codes = (item.answerOption ?? []).map((option) => option.valueCoding.code);
    if (new Set(codes).size !== codes.length) {
      context.addIssue({ code: "custom", message: `${item.linkId}: option codes repeat` });
    }
  });

export const questionnaireSchema = z
  .object({
    resourceType: z.literal("Questionnaire"),
    id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/),
    url: fhirUri,
    version: z.string().min(1),
    name: z.string().regex(/^[A-Z]([A-Za-z0-9_]){0,254}$/),
    title: z.string().min(1),
    status: z.enum(["draft", "active", "retired", "unknown"]),
    language: fhirCode,
    subjectType: z.array(z.literal("Patient")).optional(),
    code: z.array(coding).optional(),
    description: z.string().optional(),
    copyright: z.string().optional(),
    extension: z.array(extension).optional(),
    item: z.array(questionnaireItem).min(1),
  })
  .superRefine((questionnaire, context) => {
    // que-2: linkIds are unique across the whole questionnaire.
    const linkIds: string[] = [];
    const walk = (items: QuestionnaireItem[]) => {
      for (const item of items) {
        linkIds.push(item.linkId);
        if (item.item) walk(item.item);
      }
    };
    walk(questionnaire.item);
    if (new Set(linkIds).size !== linkIds.length) {
      context.addIssue({ code: "custom", message: "linkIds must be unique" });
    }
  });
export type Questionnaire = z.infer<typeof questionnaireSchema>;

/** The text for a key in a language, falling back to English (never to the raw key silently). */
export function instrumentText(locale: Locale, key: string): string {
  const text = INSTRUMENT_TEXTS[locale][key] ?? INSTRUMENT_TEXTS.en[key];
  if (text === undefined) throw new Error(`No instrument text for "${key}"`);
  return text;
}

/** Every message key a definition uses, so a test can check each one in every locale. */
export function textKeysOf(def: InstrumentDef): string[] {
  const keys = new Set<string>([def.titleKey]);
  for (const band of def.bands) keys.add(band.labelKey);
  for (const item of def.items) {
    keys.add(item.textKey);
    for (const option of item.options ?? []) keys.add(option.displayKey);
  }
  return [...keys];
}

const loincCoding = (loinc: LoincCode) => ({ system: LOINC_SYSTEM, ...loinc });

/** The definition as a FHIR R4 Questionnaire with its words in the given language. */
export function toQuestionnaire(def: InstrumentDef, locale: Locale): Questionnaire {
  const text = (key: string) => instrumentText(locale, key);
  return {
    resourceType: "Questionnaire",
    id: def.id,
    url: `${QUESTIONNAIRE_URL_BASE}${def.id}`,
    version: def.version,
    name: def.name,
    title: text(def.titleKey),
    status: "active",
    language: locale,
    subjectType: ["Patient"],
    ...(def.loinc ? { code: [loincCoding(def.loinc)] } : {}),
    copyright: def.copyright,
    extension: [{ url: CITATION_URL, valueString: def.citation }],
    item: def.items.map((item) => ({
      linkId: item.linkId,
      text: text(item.textKey),
      type: item.type,
      ...(item.type === "choice" ? { required: item.required ?? true } : {}),
      ...(item.loinc ? { code: [loincCoding(item.loinc)] } : {}),
      ...(item.options
        ? {
            answerOption: item.options.map((option) => ({
              valueCoding: { code: String(option.code), display: text(option.displayKey) },
              ...(option.score === undefined
                ? {}
                : { extension: [{ url: ORDINAL_VALUE_URL, valueDecimal: option.score }] }),
            })),
          }
        : {}),
    })),
  };
}
