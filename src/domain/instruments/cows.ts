import {
  type AnswerOptionDef,
  choice,
  display,
  type InstrumentDef,
  totalScore,
} from "./questionnaire";

/**
 * Clinical Opiate Withdrawal Scale: 11 signs rated by an observer, each with its own scores
 * (not every number is used: pulse is 0, 1, 2 or 4); the total is the sum, 0–48, with the
 * form's bands 5–12 mild, 13–24 moderate, 25–36 moderately severe, more than 36 severe.
 * Below 5 the form names no level, so neither does Waymark. All 11 answers are needed.
 */
const options = (item: number, scores: readonly number[]): AnswerOptionDef[] =>
  scores.map((score) => ({ code: score, score, displayKey: `cows.${item}.${score}` }));

const ITEMS: readonly (readonly number[])[] = [
  [0, 1, 2, 4], // 1 resting pulse rate
  [0, 1, 2, 3, 4], // 2 sweating
  [0, 1, 3, 5], // 3 restlessness
  [0, 1, 2, 5], // 4 pupil size
  [0, 1, 2, 4], // 5 bone or joint aches
  [0, 1, 2, 4], // 6 runny nose or tearing
  [0, 1, 2, 3, 5], // 7 GI upset
  [0, 1, 2, 4], // 8 tremor
  [0, 1, 2, 4], // 9 yawning
  [0, 1, 2, 4], // 10 anxiety or irritability
  [0, 3, 5], // 11 gooseflesh skin
];

export const cows: InstrumentDef = {
  id: "cows",
  version: "1.0.0",
  name: "COWS",
  titleKey: "cows.title",
  category: "withdrawal",
  respondent: "clinician",
  citation:
    "Wesson DR, Ling W. The Clinical Opiate Withdrawal Scale (COWS). J Psychoactive Drugs. 2003;35(2):253-259. Form as reproduced in SAMHSA TIP 45 (2006) and TIP 63 (2021).",
  copyright:
    "Published in the Journal of Psychoactive Drugs (Taylor & Francis); the form is reproduced in SAMHSA Treatment Improvement Protocols for clinical use.",
  spanish: "waymark-unvalidated",
  items: [
    display("intro", "cows.intro"),
    ...ITEMS.map((scores, index) =>
      choice(String(index + 1), `cows.${index + 1}`, options(index + 1, scores)),
    ),
  ],
  bands: [
    { code: "mild", labelKey: "band.mild", min: 5, max: 12 },
    { code: "moderate", labelKey: "band.moderate", min: 13, max: 24 },
    { code: "moderately-severe", labelKey: "band.moderatelySevere", min: 25, max: 36 },
    { code: "severe", labelKey: "band.severe", min: 37, max: 48 },
  ],
  score: (answers) => totalScore(cows, answers),
};
