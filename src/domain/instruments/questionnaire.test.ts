import { describe, expect, it } from "vitest";
import { withdrawalTextKeys } from "../withdrawal";
import { INSTRUMENTS } from "./catalog";
import {
  answersProblem,
  INSTRUMENT_TEXTS,
  questionnaireSchema,
  textKeysOf,
  toQuestionnaire,
} from "./questionnaire";

const LOCALES = ["en", "es"] as const;

/** LOINC's mod-10 check digit: a guard against a mistyped code, not proof that it exists. */
function loincCheckDigitOk(code: string): boolean {
  const [body, check] = code.split("-") as [string, string];
  const digits = [...body].reverse();
  const odd = digits
    .filter((_, index) => index % 2 === 0)
    .reverse()
    .join("");
  const even = digits
    .filter((_, index) => index % 2 === 1)
    .reverse()
    .join("");
  const sum = [...`${even}${Number(odd) * 2}`].reduce((total, digit) => total + Number(digit), 0);
  return (10 - (sum % 10)) % 10 === Number(check);
}

describe("instrument definitions", () => {
  it.each(INSTRUMENTS.flatMap((def) => LOCALES.map((locale) => [def.id, locale, def] as const)))(
    "%s in %s is a valid FHIR R4 Questionnaire (the subset Waymark uses)",
    (_id, locale, def) => {
      const questionnaire = toQuestionnaire(def, locale);
      const parsed = questionnaireSchema.safeParse(questionnaire);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(questionnaire.language).toBe(locale);
    },
  );

  it("has a translation for every text key in every locale, and the same keys in each", () => {
    const keys = [...INSTRUMENTS.flatMap(textKeysOf), ...withdrawalTextKeys()];
    for (const locale of LOCALES) {
      const missing = keys.filter((key) => !INSTRUMENT_TEXTS[locale][key]?.trim());
      expect(missing, locale).toEqual([]);
    }
    expect(Object.keys(INSTRUMENT_TEXTS.es).sort()).toEqual(
      Object.keys(INSTRUMENT_TEXTS.en).sort(),
    );
  });

  it("uses no unused catalog keys (every text belongs to something shown)", () => {
    const used = new Set([
      ...INSTRUMENTS.flatMap(textKeysOf),
      ...withdrawalTextKeys(),
      "bam.subscale.use",
      "bam.subscale.risk",
      "bam.subscale.protective",
    ]);
    expect(Object.keys(INSTRUMENT_TEXTS.en).filter((key) => !used.has(key))).toEqual([]);
  });

  it("gives every LOINC code a valid check digit and keeps COWS, SOWS, BAM and BARC-10 uncoded", () => {
    for (const def of INSTRUMENTS) {
      const codes = [def.loinc, def.totalScoreLoinc, ...def.items.map((item) => item.loinc)]
        .filter((code) => code !== undefined)
        .map((code) => code.code);
      for (const code of codes) expect(loincCheckDigitOk(code), `${def.id} ${code}`).toBe(true);
      if (["sows", "cows", "bam", "barc-10"].includes(def.id)) expect(codes).toEqual([]);
    }
    expect(loincCheckDigitOk("44261-6")).toBe(true);
    expect(loincCheckDigitOk("44261-5")).toBe(false);
  });

  it("keeps a scored option's code equal to its score, so an answer is its score", () => {
    for (const def of INSTRUMENTS) {
      for (const item of def.items) {
        for (const option of item.options ?? []) {
          if (option.score !== undefined)
            expect(option.code, `${def.id} ${item.linkId}`).toBe(option.score);
        }
      }
    }
  });

  it("has bands that do not overlap and stay within the total's range", () => {
    for (const def of INSTRUMENTS) {
      const sorted = [...def.bands].sort((a, b) => a.min - b.min);
      sorted.forEach((band, index) => {
        expect(band.min).toBeLessThanOrEqual(band.max);
        const next = sorted[index + 1];
        if (next) expect(next.min).toBe(band.max + 1);
      });
    }
  });
});

describe("answersProblem", () => {
  const phq9 = INSTRUMENTS.find((def) => def.id === "phq-9");
  if (!phq9) throw new Error("PHQ-9 missing");

  it("accepts known items with one of their option codes", () => {
    expect(answersProblem(phq9, { "1": 0, "9": 3 })).toBeNull();
  });

  it("names the field for an unknown item, an out-of-range option, a non-number and a display item", () => {
    expect(answersProblem(phq9, { "11": 1 })).toMatchObject({
      code: "unknown_item",
      field: "answers.11",
    });
    expect(answersProblem(phq9, { "1": 4 })).toMatchObject({
      code: "invalid_answer",
      field: "answers.1",
    });
    expect(answersProblem(phq9, { "1": "2" })).toMatchObject({
      code: "invalid_answer",
      field: "answers.1",
    });
    expect(answersProblem(phq9, { "1": 1.5 })).toMatchObject({ code: "invalid_answer" });
    expect(answersProblem(phq9, { intro: 0 })).toMatchObject({
      code: "not_answerable",
      field: "answers.intro",
    });
    expect(answersProblem(phq9, {})).toMatchObject({ code: "no_answers", field: "answers" });
  });
});
