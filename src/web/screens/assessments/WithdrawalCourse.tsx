import { useId, useMemo, useState } from "react";
import type { z } from "zod";
import type { Assessment, withdrawalCourseSchema } from "../../../domain/api/assessments";
import { useI18n } from "../../i18n/context";
import { type ChartRegion, ScoreChart } from "./ScoreChart";
import { formatWhen } from "./words";

export type Course = z.infer<typeof withdrawalCourseSchema>;

const SOWS_RANGE = { min: 0, max: 64 };
const TONE_BY_PHASE = { onset: 1, acute: 3, protracted: 4 } as const;

/** Words for a course key, from the course itself (in the asked-for language). */
export const courseText = (course: Course, key: string) => course.texts[key] ?? "";

/** "8–24 hours", "from 240 hours". */
function hoursText(t: ReturnType<typeof useI18n>["t"], from: number, to: number | null) {
  return to === null
    ? t("withdrawalUi.fromHours", { from })
    : t("withdrawalUi.hoursRange", { from, to });
}

/**
 * SOWS ratings against hours since last use, over the expected course as shaded bands. The
 * same facts as a sentence (always shown), a legend, and a table on request.
 */
export function WithdrawalCourseChart({
  course,
  ratings,
  hoursNow,
}: {
  course: Course;
  ratings: readonly Assessment[];
  hoursNow: number;
}) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const tableId = useId();
  const [showTable, setShowTable] = useState(false);
  const rated = useMemo(
    () =>
      ratings
        .filter((rating) => rating.hoursSinceLastUse !== null && rating.score.total !== null)
        .sort((a, b) => (a.hoursSinceLastUse ?? 0) - (b.hoursSinceLastUse ?? 0)),
    [ratings],
  );
  const points = useMemo(
    () => rated.map((rating) => ({ x: rating.hoursSinceLastUse ?? 0, y: rating.score.total ?? 0 })),
    [rated],
  );
  const regions = useMemo<ChartRegion[]>(
    () =>
      // Numbered on the canvas, named in the legend: a narrow band has no room for words.
      course.bands.map((band, index) => ({
        axis: "x",
        from: band.fromHours,
        to: band.toHours,
        label: String(index + 1),
        tone: TONE_BY_PHASE[band.phase],
      })),
    [course],
  );
  const latest = rated.at(-1);
  const bandsSentence = course.bands
    .map(
      (band) =>
        `${courseText(course, band.labelKey)}: ${hoursText(t, band.fromHours, band.toHours)}`,
    )
    .join("; ");

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("withdrawalUi.chartTitle")}</h2>
      <p className="chart-summary">
        {latest
          ? t("withdrawalUi.summary", {
              count: rated.length,
              score: latest.score.total ?? 0,
              hours: latest.hoursSinceLastUse ?? 0,
            })
          : t("withdrawalUi.summaryNone")}{" "}
        {course.bands.length > 0
          ? t("withdrawalUi.summaryBands", { bands: bandsSentence })
          : t("withdrawalUi.summaryNoBands")}
      </p>
      {showTable ? (
        <table className="data-table" id={tableId}>
          <caption className="visually-hidden">{t("withdrawalUi.chartTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("withdrawalUi.hoursColumn")}</th>
              <th scope="col">{t("withdrawalUi.sowsColumn")}</th>
              <th scope="col">{t("assessments.when")}</th>
            </tr>
          </thead>
          <tbody>
            {rated.map((rating) => (
              <tr key={rating.id}>
                <th scope="row">{rating.hoursSinceLastUse}</th>
                <td>{rating.score.total}</td>
                <td>{formatWhen(rating.at, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <>
          <ScoreChart
            points={points}
            xKind="hours"
            xMax={Math.max(72, hoursNow * 1.2)}
            yRange={SOWS_RANGE}
            regions={regions}
            seriesLabel={t("withdrawalUi.sowsColumn")}
            locale={locale}
            hoursUnit={t("withdrawalUi.hoursUnit")}
          />
          <p className="hint">{t("withdrawalUi.axes")}</p>
          {course.bands.length > 0 && (
            <ul className="course-legend" aria-label={t("withdrawalUi.legend")}>
              {course.bands.map((band, index) => (
                <li key={band.phase}>
                  <span
                    className={`legend-swatch region-tone-${TONE_BY_PHASE[band.phase]}`}
                    aria-hidden="true"
                  >
                    {index + 1}
                  </span>
                  {courseText(course, band.labelKey)} ({hoursText(t, band.fromHours, band.toHours)})
                </li>
              ))}
            </ul>
          )}
        </>
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
      {course.noteKeys.map((key) => (
        <p key={key} className="hint">
          {courseText(course, key)}
        </p>
      ))}
    </section>
  );
}

/** Sourced signs that mean "get medical help now", and the tolerance reminder. */
export function WithdrawalSafety({ course }: { course: Course }) {
  const { t } = useI18n();
  const helpId = useId();
  const sourceNumber = new Map(course.sources.map((source, index) => [source.id, index + 1]));
  return (
    <>
      <section className="card stack danger-card" aria-labelledby={helpId}>
        <h2 id={helpId}>{courseText(course, course.helpTitleKey)}</h2>
        <ul className="help-signs">
          {course.helpSigns.map((sign) => (
            <li key={sign.key}>
              {courseText(course, sign.key)}{" "}
              <span className="hint">
                {t("withdrawalUi.sourceRef", {
                  refs: sign.sourceIds.map((id) => sourceNumber.get(id) ?? "").join(", "),
                })}
              </span>
            </li>
          ))}
        </ul>
        <p>
          <a className="button call" href="tel:911">
            {t("withdrawalUi.call911")}
          </a>
        </p>
      </section>
      <p className="tolerance-note">{courseText(course, course.toleranceKey)}</p>
      <details className="more">
        <summary>{t("withdrawalUi.sources")}</summary>
        <ol className="source-list">
          {course.sources.map((source) => (
            <li key={source.id}>
              {source.citation}{" "}
              <a href={source.url} rel="noreferrer noopener" target="_blank">
                {source.url}
              </a>
            </li>
          ))}
        </ol>
      </details>
    </>
  );
}
