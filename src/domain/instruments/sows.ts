import { choice, display, type InstrumentDef, ordinalOptions, totalScore } from "./questionnaire";

/**
 * Subjective Opiate Withdrawal Scale: 16 symptoms the person rates for how they feel now,
 * each 0 (not at all) to 4 (extremely); the score is the sum, 0–64. The authors published no
 * severity bands, so Waymark shows the score and its trend and names no level.
 * All 16 answers are needed for a total (the source gives no rule for missing items).
 */
const OPTIONS = ordinalOptions([
  "sows.option.0",
  "sows.option.1",
  "sows.option.2",
  "sows.option.3",
  "sows.option.4",
]);

export const SOWS_ITEM_COUNT = 16;

export const sows: InstrumentDef = {
  id: "sows",
  version: "1.0.0",
  name: "SOWS",
  titleKey: "sows.title",
  category: "withdrawal",
  respondent: "self",
  citation:
    "Handelsman L, Cochrane KJ, Aronson MJ, Ness R, Rubinstein KJ, Kanof PD. Two new rating scales for opiate withdrawal. Am J Drug Alcohol Abuse. 1987;13(3):293-308. Item wording as reproduced in SAMHSA TIP 63 (2021).",
  copyright:
    "Published in the American Journal of Drug and Alcohol Abuse (Taylor & Francis); reproduced in SAMHSA Treatment Improvement Protocols for clinical use.",
  spanish: "waymark-unvalidated",
  items: [
    display("intro", "sows.intro"),
    ...Array.from({ length: SOWS_ITEM_COUNT }, (_, index) =>
      choice(String(index + 1), `sows.${index + 1}`, OPTIONS),
    ),
  ],
  bands: [],
  score: (answers) => totalScore(sows, answers),
};
