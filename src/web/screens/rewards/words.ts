import type { LedgerLine, RewardProgram } from "../../../domain/api/rewards";
import type { RewardSettings } from "../../../domain/rewards/schedule";
import type { TargetKind } from "../../../domain/rewards/targets";
import type { I18n } from "../../i18n/context";
import { formatDay } from "../../i18n/dates";

export const TARGET_KINDS: readonly TargetKind[] = [
  "negative_urine_screen",
  "attended_visit",
  "observed_dose",
  "lesson_completed",
];

export function targetLabel(kind: TargetKind, { t }: I18n): string {
  return t(`rewards.kind.${kind}`);
}

/** "+15", "−20": points with their sign, in the reader's digits. */
export function signedPoints(points: number, locale: string): string {
  const number = new Intl.NumberFormat(locale).format(Math.abs(points));
  if (points > 0) return `+${number}`;
  if (points < 0) return `−${number}`;
  return number;
}

/** Why a ledger line is there, in a sentence: what was verified, corrected or redeemed. */
export function ledgerReason(line: LedgerLine, i18n: I18n): string {
  const { t } = i18n;
  const target = line.targetKind ? targetLabel(line.targetKind, i18n) : "";
  const date = line.occurredOn ? formatDay(line.occurredOn, i18n.locale) : "";
  const reward = line.rewardName ?? "";
  switch (line.kind) {
    case "earned":
      if (line.withheld > 0 && line.points === 0)
        return t("rewards.ledger.capped", { target, date });
      if (line.withheld > 0) {
        return t("rewards.ledger.partlyCapped", { target, date, withheld: line.withheld });
      }
      return t("rewards.ledger.earned", { target, date });
    case "earning_corrected":
      return t("rewards.ledger.corrected", { target, date });
    case "redeemed":
      return t("rewards.ledger.redeemed", { reward });
    case "redemption_undone":
      return t("rewards.ledger.undone", { reward });
  }
}

/** The schedule in one sentence, for people who may read but not change it. */
export function scheduleSummary(settings: RewardSettings, { t }: I18n): string {
  const { schedule, yearlyCapPoints: cap } = settings;
  const base = { start: schedule.startPoints, step: schedule.stepPoints, cap };
  if (schedule.bonusEvery === null || schedule.bonusPoints === 0) {
    return t("rewards.settings.summaryNoBonus", base);
  }
  return t("rewards.settings.summary", {
    ...base,
    bonus: schedule.bonusPoints,
    every: schedule.bonusEvery,
  });
}

/** True once the year's earnings reached the organization's cap. */
export function capReached(program: RewardProgram): boolean {
  return program.settings !== null && program.earnedThisYear >= program.settings.yearlyCapPoints;
}
