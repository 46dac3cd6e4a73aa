import { useId, useState } from "react";
import type { Checkin } from "../../../../domain/api/daily";
import { addLocalDays } from "../../../../domain/local-day";
import type { Progress, WindowSummary } from "../../../../domain/progress";
import { MoodCravingChart } from "../../../components/MoodCravingChart";
import { type I18n, useI18n } from "../../../i18n/context";
import { ChoiceRow } from "../components/ChoiceRow";
import { formatLocalDay } from "../days";
import { formatNumber } from "./format";

type Days = 30 | 90;

/** Mood and craving over 30 or 90 days: a chart, the same facts in a sentence, and a table. */
export function TrendPanel({ progress, checkins }: { progress: Progress; checkins: Checkin[] }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const headingId = useId();
  const tableId = useId();
  const [days, setDays] = useState<Days>(30);
  const [showTable, setShowTable] = useState(false);
  const summary = days === 30 ? progress.windows.last30 : progress.windows.last90;
  const from = addLocalDays(progress.today, -(days - 1));
  const shown = checkins.filter((checkin) => checkin.date >= from);

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("progress.trendsHeading")}</h2>
      <ChoiceRow<Days>
        legend={t("progress.range")}
        choices={[
          { value: 30, label: t("progress.range30") },
          { value: 90, label: t("progress.range90") },
        ]}
        value={days}
        onChange={setDays}
      />
      <p className="chart-summary">{summaryOf(summary, i18n)}</p>
      {showTable ? (
        <table className="data-table" id={tableId}>
          <caption className="visually-hidden">{t("progress.tableCaption", { days })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("progress.tableDate")}</th>
              <th scope="col">{t("checkin.mood")}</th>
              <th scope="col">{t("checkin.craving")}</th>
            </tr>
          </thead>
          <tbody>
            {[...shown].reverse().map((checkin) => (
              <tr key={checkin.date}>
                <th scope="row">
                  {formatLocalDay(checkin.date, locale, { month: "short", day: "numeric" })}
                </th>
                <td>{checkin.mood}</td>
                <td>{checkin.craving}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <MoodCravingChart
          checkins={shown}
          from={from}
          to={progress.today}
          locale={locale}
          moodLabel={t("checkin.mood")}
          cravingLabel={t("checkin.craving")}
        />
      )}
      <button
        type="button"
        className="button secondary"
        aria-expanded={showTable}
        aria-controls={showTable ? tableId : undefined}
        onClick={() => setShowTable(!showTable)}
      >
        {showTable ? t("progress.showChart") : t("progress.showTable")}
      </button>
    </section>
  );
}

function summaryOf(summary: WindowSummary, { t, locale }: I18n): string {
  if (summary.moodAverage === null || summary.cravingAverage === null) {
    return t("progress.summaryNone", { days: summary.days });
  }
  const trend = (change: WindowSummary["moodTrend"]) => {
    if (!change) return "";
    const amount = formatNumber(locale, Math.abs(change.change), 1);
    return ` ${t(`progress.trend.${change.direction}`, { change: amount, days: summary.days })}`;
  };
  return t("progress.summary", {
    days: summary.days,
    mood: formatNumber(locale, summary.moodAverage, 1),
    moodTrend: trend(summary.moodTrend),
    craving: formatNumber(locale, summary.cravingAverage, 1),
    cravingTrend: trend(summary.cravingTrend),
  });
}
