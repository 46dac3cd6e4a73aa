import { z } from "zod";

/**
 * The expected course of opioid withdrawal, as sourced bands in hours since last use, and the
 * sourced signs that mean "get medical help now". Waymark draws a person's SOWS ratings over
 * these bands; it never says a course is wrong or late. Words live in the instrument
 * catalogs (src/domain/instruments/i18n); sources are named in docs/clinical-sources.md.
 *
 * Only what a source states is drawn. The sources give when symptoms begin and how long acute
 * withdrawal lasts, not a separate peak window, so the acute band covers the hardest days and
 * their easing together. A buprenorphine taper has no timed band (see its note).
 */
export const opioidTypeSchema = z.enum(["short-acting", "methadone", "buprenorphine-taper"]);
export type OpioidType = z.infer<typeof opioidTypeSchema>;

export const withdrawalPhaseSchema = z.enum(["onset", "acute", "protracted"]);
export type WithdrawalPhase = z.infer<typeof withdrawalPhaseSchema>;

export interface WithdrawalSource {
  id: string;
  citation: string;
  url: string;
}

export const WITHDRAWAL_SOURCES = {
  who2009: {
    id: "who2009",
    citation:
      "World Health Organization. Clinical Guidelines for Withdrawal Management and Treatment of Drug Dependence in Closed Settings. Geneva: WHO; 2009. Chapter 4, Withdrawal management (opioids).",
    url: "https://www.ncbi.nlm.nih.gov/books/NBK310652/",
  },
  samhsaProtracted: {
    id: "samhsaProtracted",
    citation:
      "SAMHSA. Protracted Withdrawal. Substance Abuse Treatment Advisory, Volume 9, Issue 1, July 2010 (HHS Publication No. (SMA) 10-4554).",
    url: "https://store.samhsa.gov/",
  },
  tip63: {
    id: "tip63",
    citation:
      "SAMHSA. Medications for Opioid Use Disorder. Treatment Improvement Protocol (TIP) 63, updated 2021 (Publication No. PEP21-02-01-002), Part 3 (buprenorphine).",
    url: "https://store.samhsa.gov/product/TIP-63-Medications-for-Opioid-Use-Disorder-Full-Document/PEP21-02-01-002",
  },
  medlineplus: {
    id: "medlineplus",
    citation:
      "MedlinePlus (U.S. National Library of Medicine). Opiate and opioid withdrawal, medical encyclopedia article 000949: possible complications (dehydration, body salt imbalance, breathing vomit into the lungs) and the overdose risk after withdrawal.",
    url: "https://medlineplus.gov/ency/article/000949.htm",
  },
  medlineplusEmergencies: {
    id: "medlineplusEmergencies",
    citation:
      "MedlinePlus (U.S. National Library of Medicine). Recognizing medical emergencies, medical encyclopedia article 001927: warning signs of a medical emergency listed by the American College of Emergency Physicians, among them a change in mental status such as confusion, and chest pain or discomfort.",
    url: "https://medlineplus.gov/ency/article/001927.htm",
  },
  cdcSeizureFirstAid: {
    id: "cdcSeizureFirstAid",
    citation:
      "CDC. Seizure First Aid: call 911 when the person has never had a seizure before, has trouble breathing or waking after it, or it lasts longer than 5 minutes.",
    url: "https://www.cdc.gov/epilepsy/first-aid-for-seizures/index.html",
  },
  samhsaOverdose: {
    id: "samhsaOverdose",
    citation: "SAMHSA. Overdose Prevention and Response Toolkit (2023).",
    url: "https://store.samhsa.gov/product/overdose-prevention-and-response-toolkit/pep23-03-00-001",
  },
  lifeline988: {
    id: "lifeline988",
    citation: "SAMHSA. 988 Suicide & Crisis Lifeline.",
    url: "https://www.samhsa.gov/find-help/988",
  },
  acog711: {
    id: "acog711",
    citation:
      "American College of Obstetricians and Gynecologists. Committee Opinion No. 711: Opioid Use and Opioid Use Disorder in Pregnancy. Obstet Gynecol. 2017;130(2):e81-e94.",
    url: "https://www.acog.org/clinical/clinical-guidance/committee-opinion/articles/2017/08/opioid-use-and-opioid-use-disorder-in-pregnancy",
  },
} as const satisfies Record<string, WithdrawalSource>;
type SourceId = keyof typeof WITHDRAWAL_SOURCES;

export interface CourseBand {
  phase: WithdrawalPhase;
  fromHours: number;
  /** Null: open-ended (protracted symptoms have no sourced end). */
  toHours: number | null;
  labelKey: string;
  sourceId: SourceId;
}

export interface HelpSign {
  key: string;
  sourceIds: SourceId[];
}

export interface WithdrawalCourse {
  opioidType: OpioidType;
  labelKey: string;
  bands: CourseBand[];
  /** Said beside the chart: how to read it, or why it has no bands. */
  noteKeys: string[];
  toleranceKey: string;
  helpTitleKey: string;
  helpSigns: HelpSign[];
  sources: WithdrawalSource[];
}

const DAY = 24;

const band = (
  phase: WithdrawalPhase,
  fromHours: number,
  toHours: number | null,
  sourceId: SourceId,
): CourseBand => ({ phase, fromHours, toHours, labelKey: `withdrawal.phase.${phase}`, sourceId });

/**
 * WHO 2009: short-acting opioids such as heroin — symptoms begin 8–24 hours after last use and
 * last 4–10 days; methadone — begin 12–48 hours after last use and last 10–20 days. The acute
 * band is drawn to the later end (day 10, day 20 after last use) so the chart never suggests
 * withdrawal should be over sooner. Fentanyl is grouped with heroin as short-acting.
 */
const BANDS: Record<OpioidType, CourseBand[]> = {
  "short-acting": [
    band("onset", 8, 24, "who2009"),
    band("acute", 24, 10 * DAY, "who2009"),
    band("protracted", 10 * DAY, null, "samhsaProtracted"),
  ],
  methadone: [
    band("onset", 12, 48, "who2009"),
    band("acute", 48, 20 * DAY, "who2009"),
    band("protracted", 20 * DAY, null, "samhsaProtracted"),
  ],
  "buprenorphine-taper": [],
};

export const HELP_SIGNS: HelpSign[] = [
  { key: "withdrawal.help.dehydration", sourceIds: ["medlineplus"] },
  { key: "withdrawal.help.aspiration", sourceIds: ["medlineplus", "samhsaOverdose"] },
  {
    key: "withdrawal.help.seizureConfusionChestPain",
    sourceIds: ["cdcSeizureFirstAid", "medlineplusEmergencies"],
  },
  { key: "withdrawal.help.overdose", sourceIds: ["samhsaOverdose"] },
  { key: "withdrawal.help.suicidalThoughts", sourceIds: ["lifeline988"] },
  { key: "withdrawal.help.pregnancy", sourceIds: ["acog711", "tip63"] },
];

export function getWithdrawalCourse(opioidType: OpioidType): WithdrawalCourse {
  const bands = BANDS[opioidType];
  const noteKeys =
    bands.length === 0 ? [`withdrawal.course.${opioidType}`] : ["withdrawal.course.variation"];
  const used = new Set<SourceId>([
    ...bands.map((entry) => entry.sourceId),
    ...HELP_SIGNS.flatMap((sign) => sign.sourceIds),
    "medlineplus",
    ...(bands.length === 0 ? (["tip63"] as const) : []),
  ]);
  return {
    opioidType,
    labelKey: `withdrawal.opioid.${opioidType}`,
    bands,
    noteKeys,
    toleranceKey: "withdrawal.tolerance",
    helpTitleKey: "withdrawal.help.title",
    helpSigns: HELP_SIGNS,
    sources: [...used].map((id) => WITHDRAWAL_SOURCES[id]),
  };
}

/** Every message key the withdrawal course can show, for the translation check. */
export function withdrawalTextKeys(): string[] {
  const keys = new Set<string>();
  for (const type of opioidTypeSchema.options) {
    const course = getWithdrawalCourse(type);
    keys.add(course.labelKey);
    keys.add(course.toleranceKey);
    keys.add(course.helpTitleKey);
    for (const key of course.noteKeys) keys.add(key);
    for (const entry of course.bands) keys.add(entry.labelKey);
    for (const sign of course.helpSigns) keys.add(sign.key);
  }
  return [...keys];
}

/** Hours from last use to a rating, to one decimal; never negative. */
export function hoursSinceLastUse(lastUseAt: Date, at: Date): number {
  const hours = (at.getTime() - lastUseAt.getTime()) / 3_600_000;
  return Math.max(0, Math.round(hours * 10) / 10);
}

/** The band a moment falls in (the later band where two meet), or null before onset or without bands. */
export function phaseAt(course: WithdrawalCourse, hours: number): WithdrawalPhase | null {
  let found: WithdrawalPhase | null = null;
  for (const entry of course.bands) {
    if (hours >= entry.fromHours && (entry.toHours === null || hours <= entry.toHours)) {
      found = entry.phase;
    }
  }
  return found;
}
