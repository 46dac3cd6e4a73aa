import {
  choice,
  display,
  type InstrumentDef,
  type InstrumentScore,
  ordinalOptions,
  totalScore,
} from "./questionnaire";

/**
 * PHQ-9: 9 problems over the last 2 weeks, 0 (not at all) to 3 (nearly every day); the total
 * is the sum, 0–27, with cut points 5, 10, 15 and 20 for mild, moderate, moderately severe and
 * severe depression, and 0–4 "none–minimal". Item 10 (how difficult) is asked but not scored.
 * Item 9 answered above zero flags "crisis" whatever else is answered: the crisis screen opens
 * at once. All 9 scored answers are needed for a total (no prorating).
 */
const OPTIONS = ordinalOptions(["phq.option.0", "phq.option.1", "phq.option.2", "phq.option.3"]);
const DIFFICULTY = [0, 1, 2, 3].map((code) => ({ code, displayKey: `phq9.10.${code}` }));

const LOINC_ITEMS = [
  { code: "44250-9", display: "Little interest or pleasure in doing things" },
  { code: "44255-8", display: "Feeling down, depressed, or hopeless" },
  { code: "44259-0", display: "Trouble falling or staying asleep, or sleeping too much" },
  { code: "44254-1", display: "Feeling tired or having little energy" },
  { code: "44251-7", display: "Poor appetite or overeating" },
  {
    code: "44258-2",
    display:
      "Feeling bad about yourself-or that you are a failure or have let yourself or your family down",
  },
  {
    code: "44252-5",
    display:
      "Trouble concentrating on things, such as reading the newspaper or watching television",
  },
  {
    code: "44253-3",
    display:
      "Moving or speaking so slowly that other people could have noticed. Or the opposite-being so fidgety or restless that you have been moving around a lot more than usual",
  },
  {
    code: "44260-8",
    display: "Thoughts that you would be better off dead, or of hurting yourself in some way",
  },
];

export const CRISIS_ITEM = "9";

export const phq9: InstrumentDef = {
  id: "phq-9",
  version: "1.0.0",
  name: "PHQ9",
  titleKey: "phq9.title",
  category: "assessments",
  respondent: "self",
  loinc: { code: "44249-1", display: "PHQ-9 quick depression assessment panel [Reported.PHQ]" },
  totalScoreLoinc: {
    code: "44261-6",
    display: "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]",
  },
  citation:
    "Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med. 2001;16(9):606-613. Band 0–4 named in Kroenke K, Spitzer RL. The PHQ-9: a new depression diagnostic and severity measure. Psychiatr Ann. 2002;32(9):509-515.",
  copyright:
    "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.",
  spanish: "official",
  items: [
    display("intro", "phq9.intro"),
    ...LOINC_ITEMS.map((loinc, index) =>
      choice(String(index + 1), `phq9.${index + 1}`, OPTIONS, { loinc }),
    ),
    choice("10", "phq9.10", DIFFICULTY, { required: false }),
  ],
  bands: [
    { code: "none-minimal", labelKey: "band.noneMinimal", min: 0, max: 4 },
    { code: "mild", labelKey: "band.mild", min: 5, max: 9 },
    { code: "moderate", labelKey: "band.moderate", min: 10, max: 14 },
    { code: "moderately-severe", labelKey: "band.moderatelySevere", min: 15, max: 19 },
    { code: "severe", labelKey: "band.severe", min: 20, max: 27 },
  ],
  score(answers): InstrumentScore {
    const result = totalScore(phq9, answers);
    const item9 = answers[CRISIS_ITEM];
    return item9 !== undefined && item9 > 0 ? { ...result, flags: ["crisis"] } : result;
  },
};
