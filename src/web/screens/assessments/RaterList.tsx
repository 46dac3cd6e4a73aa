import { useId } from "react";
import type { Assessment } from "../../../domain/api/assessments";
import { compareIso } from "../../../domain/iso-order";
import { useI18n } from "../../i18n/context";
import { bandLabel, formatWhen, type InstrumentSummary } from "./words";

const SHOWN = 10;

/**
 * An observer-rated scale's entries, newest first, each saying who rated it: the member should
 * never wonder whether a COWS score was theirs or a clinician's ("Rated by Sam Rivera").
 */
export function RaterList({
  assessments,
  summary,
  titleKey = "observedUi.ratingsTitle",
}: {
  assessments: readonly Assessment[];
  summary: InstrumentSummary | undefined;
  titleKey?: "observedUi.ratingsTitle" | "observedUi.episodeRatingsTitle";
}) {
  const { t, locale } = useI18n();
  const headingId = useId();
  if (assessments.length === 0) return null;
  const newest = [...assessments].sort((a, b) => compareIso(b.at, a.at)).slice(0, SHOWN);
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(titleKey)}</h2>
      <ul className="rater-list">
        {newest.map((assessment) => {
          const band = bandLabel(summary, assessment.score.band?.code);
          const other = assessment.enteredByOther;
          return (
            <li key={assessment.id}>
              <p>
                <strong>{formatWhen(assessment.at, locale)}</strong>
                {" · "}
                {assessment.score.total === null
                  ? t("assessments.noTotal")
                  : t("observedUi.score", { score: assessment.score.total })}
                {band && ` · ${band}`}
              </p>
              <p className="hint">
                {other
                  ? other.displayName
                    ? t("observedUi.ratedBy", { name: other.displayName })
                    : t("observedUi.ratedBySomeone")
                  : t("observedUi.enteredByYou")}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
