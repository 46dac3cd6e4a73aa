import { useId, useMemo, useState } from "react";
import type { Assessment } from "../../../domain/api/assessments";
import { useI18n } from "../../i18n/context";
import { ScoreChart } from "./ScoreChart";
import { bandLabel, bandRegions, formatWhen, type InstrumentSummary, scored } from "./words";

/** One instrument's totals over time, over its severity bands where the source defines them. */
export function TrendPanel({
  assessments,
  summary,
}: {
  assessments: readonly Assessment[];
  summary: InstrumentSummary | undefined;
}) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const tableId = useId();
  const [showTable, setShowTable] = useState(false);
  const results = scored(assessments);
  const points = useMemo(
    () =>
      scored(assessments).map((assessment) => ({
        x: Date.parse(assessment.at) / 1000,
        y: assessment.score.total ?? 0,
      })),
    [assessments],
  );
  const regions = useMemo(() => bandRegions(summary), [summary]);
  const range = summary?.totalRange ?? { min: 0, max: 10 };
  const yRange = useMemo(() => ({ min: range.min, max: range.max }), [range.min, range.max]);
  if (results.length === 0) return null;
  const first = results[0];
  const last = results.at(-1);

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("assessments.trendTitle")}</h2>
      <p className="chart-summary">
        {first && last && results.length > 1
          ? t("assessments.trendSummary", {
              count: results.length,
              first: first.score.total ?? 0,
              last: last.score.total ?? 0,
            })
          : t("assessments.trendOne", { score: last?.score.total ?? 0 })}{" "}
        {regions.length > 0
          ? t("assessments.trendBands", { bands: regions.map((region) => region.label).join(", ") })
          : t("assessments.trendNoBands")}
      </p>
      {showTable ? (
        <table className="data-table" id={tableId}>
          <caption className="visually-hidden">{t("assessments.trendTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("assessments.when")}</th>
              <th scope="col">{t("assessments.score")}</th>
              {regions.length > 0 && <th scope="col">{t("assessments.bandColumn")}</th>}
            </tr>
          </thead>
          <tbody>
            {[...results].reverse().map((assessment) => (
              <tr key={assessment.id}>
                <th scope="row">{formatWhen(assessment.at, locale)}</th>
                <td>{assessment.score.total}</td>
                {regions.length > 0 && (
                  <td>{bandLabel(summary, assessment.score.band?.code) ?? "—"}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <ScoreChart
          points={points}
          xKind="time"
          yRange={yRange}
          regions={regions}
          seriesLabel={t("assessments.score")}
          locale={locale}
        />
      )}
      <button
        type="button"
        className="button secondary"
        aria-expanded={showTable}
        aria-controls={showTable ? tableId : undefined}
        onClick={() => setShowTable(!showTable)}
      >
        {showTable ? t("assessments.showChart") : t("assessments.showTable")}
      </button>
    </section>
  );
}
