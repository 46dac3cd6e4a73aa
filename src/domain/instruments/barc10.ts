import { choice, display, type InstrumentDef, ordinalOptions, totalScore } from "./questionnaire";

/**
 * Brief Assessment of Recovery Capital: 10 statements rated 1 (strongly disagree) to
 * 6 (strongly agree); the total is the sum, 10–60, higher meaning more recovery capital.
 * No reverse-scored items. The development study reports a cut-off of 47 for predicting
 * sustained remission in one sample; it is not a severity band and the abstract does not
 * say which side 47 itself falls on, so Waymark shows no label. All 10 answers are needed.
 */
const OPTIONS = ordinalOptions(
  [
    "barc10.option.1",
    "barc10.option.2",
    "barc10.option.3",
    "barc10.option.4",
    "barc10.option.5",
    "barc10.option.6",
  ],
  1,
);

export const barc10: InstrumentDef = {
  id: "barc-10",
  version: "1.0.0",
  name: "BARC10",
  titleKey: "barc10.title",
  category: "assessments",
  respondent: "self",
  citation:
    "Vilsaint CL, Kelly JF, Bergman BG, Groshkova T, Best D, White W. Development and validation of a Brief Assessment of Recovery Capital (BARC-10) for alcohol and drug use disorder. Drug Alcohol Depend. 2017;177:71-76.",
  copyright:
    "Freely available; permission not required for use (PhenX Toolkit protocol 590502, Brief Assessment of Recovery Capital).",
  spanish: "waymark-unvalidated",
  items: [
    display("intro", "barc10.intro"),
    ...Array.from({ length: 10 }, (_, index) =>
      choice(String(index + 1), `barc10.${index + 1}`, OPTIONS),
    ),
  ],
  bands: [],
  score: (answers) => totalScore(barc10, answers),
};
