import {
  type AnswerOptionDef,
  type Answers,
  choice,
  display,
  type InstrumentDef,
  type InstrumentScore,
  ordinalOptions,
  rangeOf,
  sumOf,
} from "./questionnaire";

/**
 * Brief Addiction Monitor (VA, categorical form): 17 items about the past 30 days. Day-count
 * questions are answered in the form's categories, scored 0 = 0 days, 1 = 1–3, 2 = 4–8,
 * 3 = 9–15, 4 = 16–30. There is no total; three subscales are sums of items:
 *   Use        = 4 + 5 + 6                     (0–12, higher = more use)
 *   Risk       = 1 + 2 + 3 + 8 + 11 + 15       (0–24, higher = more risk)
 *   Protective = 9 + 10 + 12 + 13 + 14 + 16    (0–24, higher = more protection)
 * Items 7A–7G elaborate item 6 and item 17 rates overall progress; neither is in a subscale.
 * Item 14 (enough income) is No = 0, Yes = 4. A subscale with a missing item is not reported;
 * item 5 (heavy drinking days) is taken as 0 when item 4 (any drinking days) is 0, because no
 * drinking day can be a heavy one. No cut-offs are applied (see docs/clinical-sources.md).
 */
const DAYS = ordinalOptions(["bam.days.0", "bam.days.1", "bam.days.2", "bam.days.3", "bam.days.4"]);
const EXTENT = ordinalOptions([
  "bam.extent.0",
  "bam.extent.1",
  "bam.extent.2",
  "bam.extent.3",
  "bam.extent.4",
]);
const HEALTH = ordinalOptions([
  "bam.health.0",
  "bam.health.1",
  "bam.health.2",
  "bam.health.3",
  "bam.health.4",
]);
const INCOME: AnswerOptionDef[] = [
  { code: 0, score: 0, displayKey: "bam.no" },
  { code: 4, score: 4, displayKey: "bam.yes" },
];
/** Asked, not scored: the answer is kept as the option's code. */
const unscored = (options: readonly AnswerOptionDef[]): AnswerOptionDef[] =>
  options.map(({ code, displayKey }) => ({ code, displayKey }));

const DRUG_ITEMS = ["7a", "7b", "7c", "7d", "7e", "7f", "7g"];

export const BAM_SUBSCALES = {
  use: ["4", "5", "6"],
  risk: ["1", "2", "3", "8", "11", "15"],
  protective: ["9", "10", "12", "13", "14", "16"],
} as const;

export const bam: InstrumentDef = {
  id: "bam",
  version: "1.0.0",
  name: "BAM",
  titleKey: "bam.title",
  category: "assessments",
  respondent: "self",
  citation:
    "Cacciola JS, Alterman AI, DePhilippis D, Drapkin ML, Valadez C Jr, Fala NC, Oslin D, McKay JR. Development and initial evaluation of the Brief Addiction Monitor (BAM). J Subst Abuse Treat. 2013;44(3):256-263. Items, response categories and subscales as in the U.S. Department of Veterans Affairs BAM form and manual (VISN 4 MIRECC / Philadelphia CESATE).",
  copyright:
    "Developed by the U.S. Department of Veterans Affairs; a work of the U.S. Government, in the public domain.",
  spanish: "waymark-unvalidated",
  items: [
    display("intro", "bam.intro"),
    choice("1", "bam.1", HEALTH),
    choice("2", "bam.2", DAYS),
    choice("3", "bam.3", DAYS),
    choice("4", "bam.4", DAYS),
    choice("5", "bam.5", DAYS),
    choice("6", "bam.6", DAYS),
    display("7", "bam.7"),
    ...DRUG_ITEMS.map((linkId) =>
      choice(linkId, `bam.${linkId}`, unscored(DAYS), { required: false }),
    ),
    choice("8", "bam.8", EXTENT),
    choice("9", "bam.9", EXTENT),
    choice("10", "bam.10", DAYS),
    choice("11", "bam.11", DAYS),
    choice("12", "bam.12", EXTENT),
    choice("13", "bam.13", DAYS),
    choice("14", "bam.14", INCOME),
    choice("15", "bam.15", EXTENT),
    choice("16", "bam.16", DAYS),
    choice("17", "bam.17", unscored(EXTENT)),
  ],
  bands: [],
  score: scoreBam,
};

function scoreBam(given: Answers): InstrumentScore {
  const answers: Answers =
    given["4"] === 0 && given["5"] === undefined ? { ...given, "5": 0 } : given;
  const subscales = (Object.keys(BAM_SUBSCALES) as (keyof typeof BAM_SUBSCALES)[]).map((code) => {
    const linkIds = BAM_SUBSCALES[code];
    return {
      code,
      labelKey: `bam.subscale.${code}`,
      score: sumOf(bam, answers, linkIds).sum,
      range: rangeOf(bam, linkIds),
    };
  });
  const scoredItems = Object.values(BAM_SUBSCALES).flat();
  const missing = [...scoredItems, "17"]
    .filter((linkId) => answers[linkId] === undefined)
    .sort((a, b) => Number(a) - Number(b));
  return { total: null, totalRange: null, subscales, band: null, flags: [], missing };
}
