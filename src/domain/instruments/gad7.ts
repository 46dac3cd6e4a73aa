import { choice, display, type InstrumentDef, ordinalOptions, totalScore } from "./questionnaire";

/**
 * GAD-7: 7 problems over the last 2 weeks, 0 (not at all) to 3 (nearly every day); the total
 * is the sum, 0–21, with the publication's cut points 5, 10 and 15 for mild, moderate and
 * severe anxiety. Below 5 the publication names no level, so Waymark shows none.
 * All 7 answers are needed (no prorating: the publication gives no rule for missing items).
 */
const OPTIONS = ordinalOptions(["phq.option.0", "phq.option.1", "phq.option.2", "phq.option.3"]);

const LOINC_ITEMS = [
  { code: "69725-0", display: "Feeling nervous, anxious or on edge" },
  {
    code: "68509-9",
    display: "Over the past 2 weeks have you not been able to stop or control worrying",
  },
  { code: "69733-4", display: "Worrying too much about different things" },
  { code: "69734-2", display: "Trouble relaxing" },
  { code: "69735-9", display: "Being so restless that it is hard to sit still" },
  { code: "69689-8", display: "Becoming easily annoyed or irritable." },
  { code: "69736-7", display: "Feeling afraid as if something awful might happen" },
];

export const gad7: InstrumentDef = {
  id: "gad-7",
  version: "1.0.0",
  name: "GAD7",
  titleKey: "gad7.title",
  category: "assessments",
  respondent: "self",
  loinc: { code: "69737-5", display: "Generalized anxiety disorder 7 item (GAD-7)" },
  totalScoreLoinc: {
    code: "70274-6",
    display: "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]",
  },
  citation:
    "Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med. 2006;166(10):1092-1097.",
  copyright:
    "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.",
  spanish: "official",
  items: [
    display("intro", "gad7.intro"),
    ...LOINC_ITEMS.map((loinc, index) =>
      choice(String(index + 1), `gad7.${index + 1}`, OPTIONS, { loinc }),
    ),
  ],
  bands: [
    { code: "mild", labelKey: "band.mild", min: 5, max: 9 },
    { code: "moderate", labelKey: "band.moderate", min: 10, max: 14 },
    { code: "severe", labelKey: "band.severe", min: 15, max: 21 },
  ],
  score: (answers) => totalScore(gad7, answers),
};
