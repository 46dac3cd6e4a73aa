import type { Progress } from "../../../../domain/progress";
import { useI18n } from "../../../i18n/context";
import { formatLocalDay } from "../days";
import { formatNumber, formatPercent } from "./format";

/** Big friendly numbers. Every number means exactly what domain/progress.ts defines. */
export function StatTiles({ progress }: { progress: Progress }) {
  const { t, tCount, locale } = useI18n();
  const tiles: { id: string; value: string; label: string; detail?: string }[] = [
    {
      id: "since-start",
      value: formatNumber(locale, progress.daysSinceStart),
      label: tCount("progress.daysSinceStart", progress.daysSinceStart),
      detail: t("progress.since", {
        date: formatLocalDay(progress.recoveryStart, locale, { dateStyle: "medium" }),
      }),
    },
    {
      id: "without-use",
      value: formatNumber(locale, progress.totalDaysWithoutUse),
      label: tCount("progress.daysWithoutUse", progress.totalDaysWithoutUse),
    },
    {
      id: "current-streak",
      value: formatNumber(locale, progress.currentStreakDays),
      label: t("progress.currentStreak"),
      detail: tCount("progress.daysInARow", progress.currentStreakDays),
    },
    {
      id: "longest-streak",
      value: formatNumber(locale, progress.longestStreakDays),
      label: t("progress.longestStreak"),
      detail: tCount("progress.daysInARow", progress.longestStreakDays),
    },
  ];
  // A new person is not shown a 0 %: the empty state below says what to do instead.
  if (progress.checkinConsistency) {
    tiles.push({
      id: "consistency",
      value: formatPercent(locale, progress.checkinConsistency),
      label: t("progress.consistency"),
      detail: t("progress.consistencyDetail"),
    });
  }
  if (progress.planSteps !== null) {
    tiles.push({
      id: "plan-steps",
      value: `${formatNumber(locale, progress.planSteps.done)} / ${formatNumber(locale, progress.planSteps.total)}`,
      label: t("progress.planSteps"),
      detail: t("progress.planStepsDetail"),
    });
  }
  if (progress.moneyRegained !== null) {
    tiles.push({
      id: "money",
      value: formatNumber(locale, progress.moneyRegained),
      label: t("progress.money"),
      detail: t("progress.moneyDetail"),
    });
  }

  return (
    <ul className="stat-tiles">
      {tiles.map((tile) => (
        <li key={tile.id} className="stat-tile">
          {/* The spaces make the tile read as one phrase ("12 days without use"). */}
          <span className="stat-value">{tile.value}</span>{" "}
          <span className="stat-label">{tile.label}</span>{" "}
          {tile.detail && <span className="stat-detail">{tile.detail}</span>}
        </li>
      ))}
    </ul>
  );
}
