import { compareIso } from "./iso-order";
import { addLocalDays, type LocalDay, localDaysBetween } from "./local-day";

/**
 * The clinician's caseload flags: who needs attention today, and why, in rules a clinician can
 * check by hand. Each rule is a pure function of a member's recent history; each flag names the
 * category it came from (so a grant that does not name it never shows it) and the data behind it
 * (the days, the dose or lapse records), so every flag is traceable.
 *
 * - craving_high:   the check-in craving rating was 7 or more (0–10) on at least 3 of the last
 *                   4 days, today included.
 * - missed_doses:   2 or more doses logged as missed in the 7 days ending today.
 * - no_checkin:     no check-in for 5 or more days (or never).
 * - lapse_recorded: a use/lapse recorded in the 7 days ending today.
 * - bam_risk_up:    the latest BAM risk-factor subscale is higher than the one before it.
 * - phq9_item9:     a PHQ-9 answered in the 14 days ending today (the questionnaire's own
 *                   "last 2 weeks") scored item 9 — thoughts of being better off dead or of
 *                   hurting oneself — above zero. It weighs most: the member is told that
 *                   answers are not watched in real time, so this is where someone looks.
 */
export type CareFlagCode =
  | "craving_high"
  | "missed_doses"
  | "no_checkin"
  | "lapse_recorded"
  | "bam_risk_up"
  | "phq9_item9";

export type CareFlagCategory = "checkins" | "medication" | "use" | "assessments";

export interface CareFlag {
  code: CareFlagCode;
  /** i18n key of the sentence, with params to fill in. */
  messageKey: string;
  params: Record<string, string | number | null>;
  /** Higher sorts first on the caseload. */
  weight: number;
  category: CareFlagCategory;
  /** The data the flag was computed from. */
  evidence: { days?: LocalDay[]; recordIds?: string[]; values?: number[] };
}

export interface CareHistory {
  /** The member's local day today. */
  today: LocalDay;
  /** Check-ins of recent days (at least the last 4); any order. */
  checkins: { day: LocalDay; craving: number }[];
  lastCheckinOn: LocalDay | null;
  /** Doses logged as missed, with their day. */
  missedDoses: { id: string; day: LocalDay }[];
  /** Use (lapse) records, with their day. */
  lapses: { id: string; day: LocalDay }[];
  /** BAM responses, oldest first, with their risk subscale score. */
  bamRisk: { id: string; at: string; risk: number }[];
  /** PHQ-9 responses with the member's local day and item 9's answer (null: unanswered). */
  phq9: { id: string; day: LocalDay; item9: number | null }[];
}

export const HIGH_CRAVING = 7;

// A caseload applies these rules to hundreds of members against the same few days; date-fns
// with a zone costs ~0.1 ms a call, so day arithmetic is remembered (the inputs are few).
const dayMemo = new Map<string, LocalDay | number>();
function memo<T extends LocalDay | number>(key: string, compute: () => T): T {
  const known = dayMemo.get(key);
  if (known !== undefined) return known as T;
  if (dayMemo.size > 5000) dayMemo.clear();
  const value = compute();
  dayMemo.set(key, value);
  return value;
}
const daysBefore = (day: LocalDay, amount: number): LocalDay =>
  memo(`${day}-${amount}`, () => addLocalDays(day, -amount));
const daysBetween = (from: LocalDay, to: LocalDay): number =>
  memo(`${from}..${to}`, () => localDaysBetween(from, to));
export const NO_CHECKIN_DAYS = 5;
/** PHQ-9 asks about the last 2 weeks; an answer that old still says how someone was. */
export const PHQ9_RECALL_DAYS = 14;

export function cravingHighFlag(history: CareHistory): CareFlag | null {
  const from = daysBefore(history.today, 3);
  const high = history.checkins
    .filter((c) => c.day >= from && c.day <= history.today && c.craving >= HIGH_CRAVING)
    .sort((a, b) => compareIso(a.day, b.day));
  if (high.length < 3) return null;
  return {
    code: "craving_high",
    messageKey: "care.flag.cravingHigh",
    params: { days: high.length, of: 4, threshold: HIGH_CRAVING },
    weight: 30,
    category: "checkins",
    evidence: { days: high.map((c) => c.day), values: high.map((c) => c.craving) },
  };
}

export function missedDosesFlag(history: CareHistory): CareFlag | null {
  const from = daysBefore(history.today, 6);
  const missed = history.missedDoses.filter((d) => d.day >= from && d.day <= history.today);
  if (missed.length < 2) return null;
  return {
    code: "missed_doses",
    messageKey: "care.flag.missedDoses",
    params: { count: missed.length },
    weight: 25,
    category: "medication",
    evidence: { days: missed.map((d) => d.day), recordIds: missed.map((d) => d.id) },
  };
}

export function noCheckinFlag(history: CareHistory): CareFlag | null {
  if (history.lastCheckinOn === null) {
    return {
      code: "no_checkin",
      messageKey: "care.flag.noCheckinEver",
      params: { days: null },
      weight: 10,
      category: "checkins",
      evidence: {},
    };
  }
  const days = daysBetween(history.lastCheckinOn, history.today);
  if (days < NO_CHECKIN_DAYS) return null;
  return {
    code: "no_checkin",
    messageKey: "care.flag.noCheckin",
    params: { days },
    weight: 20,
    category: "checkins",
    evidence: { days: [history.lastCheckinOn] },
  };
}

export function lapseRecordedFlag(history: CareHistory): CareFlag | null {
  const from = daysBefore(history.today, 6);
  const lapses = history.lapses.filter((l) => l.day >= from && l.day <= history.today);
  if (lapses.length === 0) return null;
  return {
    code: "lapse_recorded",
    messageKey: "care.flag.lapseRecorded",
    params: {
      count: lapses.length,
      lastOn:
        lapses
          .map((l) => l.day)
          .sort()
          .at(-1) ?? null,
    },
    weight: 40,
    category: "use",
    evidence: { days: lapses.map((l) => l.day), recordIds: lapses.map((l) => l.id) },
  };
}

export function bamRiskUpFlag(history: CareHistory): CareFlag | null {
  const sorted = [...history.bamRisk].sort((a, b) => compareIso(a.at, b.at));
  const latest = sorted.at(-1);
  const previous = sorted.at(-2);
  if (!latest || !previous || latest.risk <= previous.risk) return null;
  return {
    code: "bam_risk_up",
    messageKey: "care.flag.bamRiskUp",
    params: { from: previous.risk, to: latest.risk },
    weight: 15,
    category: "assessments",
    evidence: { recordIds: [previous.id, latest.id], values: [previous.risk, latest.risk] },
  };
}

export function phq9Item9Flag(history: CareHistory): CareFlag | null {
  const from = daysBefore(history.today, PHQ9_RECALL_DAYS - 1);
  const positive = history.phq9
    .filter((r) => r.day >= from && r.day <= history.today && (r.item9 ?? 0) > 0)
    .sort((a, b) => compareIso(a.day, b.day));
  const latest = positive.at(-1);
  if (!latest) return null;
  return {
    code: "phq9_item9",
    messageKey: "care.flag.phq9Item9",
    params: { answer: latest.item9, of: 3, on: latest.day },
    weight: 50,
    category: "assessments",
    evidence: {
      days: positive.map((r) => r.day),
      recordIds: positive.map((r) => r.id),
      values: positive.map((r) => r.item9 ?? 0),
    },
  };
}

const RULES = [
  phq9Item9Flag,
  lapseRecordedFlag,
  cravingHighFlag,
  missedDosesFlag,
  noCheckinFlag,
  bamRiskUpFlag,
];

/** Every flag that holds, from the categories the grant allows, heaviest first. */
export function careFlags(
  history: CareHistory,
  allowed: ReadonlySet<string> | readonly string[],
): CareFlag[] {
  const categories = new Set(allowed);
  return RULES.map((rule) => rule(history))
    .filter((flag): flag is CareFlag => flag !== null && categories.has(flag.category))
    .sort((a, b) => b.weight - a.weight);
}

/** How much a member needs attention today: the sum of their flags' weights. */
export function attentionScore(flags: readonly CareFlag[]): number {
  return flags.reduce((sum, flag) => sum + flag.weight, 0);
}
