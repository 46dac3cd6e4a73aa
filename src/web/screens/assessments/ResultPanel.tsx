import { useId } from "react";
import { Link } from "wouter";
import type { Assessment } from "../../../domain/api/assessments";
import { useI18n } from "../../i18n/context";
import { bandLabel, type InstrumentSummary, textFor } from "./words";

/**
 * The result, as the server scored it: the total and its range, subscales, the band only when
 * the source defines one for this total, and a sourced next step. SOWS has no bands: no label.
 */
export function ResultPanel({
  assessment,
  summary,
  onAgain,
}: {
  assessment: Assessment;
  summary: InstrumentSummary | undefined;
  onAgain: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const headingId = useId();
  const { score } = assessment;
  const band = bandLabel(summary, score.band?.code);
  const nextStep = textFor(i18n, `assessments.nextStep.${assessment.instrument}`);

  return (
    <section className="card stack result-card" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {t("assessments.resultTitle")}
      </h2>
      {score.total !== null && score.totalRange ? (
        <p className="result-score">
          <span className="result-total">{score.total}</span>{" "}
          {t("assessments.outOf", { min: score.totalRange.min, max: score.totalRange.max })}
        </p>
      ) : (
        score.subscales.length === 0 && <p>{t("assessments.noTotal")}</p>
      )}
      {band && <p className="result-band">{t("assessments.band", { band })}</p>}
      {score.subscales.length > 0 && (
        <dl className="subscales">
          {score.subscales.map((subscale) => (
            <div key={subscale.code}>
              <dt>{textFor(i18n, `assessments.subscale.${subscale.code}`) || subscale.code}</dt>
              <dd>
                {subscale.score === null
                  ? t("assessments.subscaleMissing")
                  : t("assessments.subscaleScore", {
                      score: subscale.score,
                      min: subscale.range.min,
                      max: subscale.range.max,
                    })}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {score.missing.length > 0 && (
        <p className="hint">{t("assessments.missing", { count: score.missing.length })}</p>
      )}
      {nextStep && <p>{nextStep}</p>}
      <p className="hint">{t("assessments.notDiagnosis")}</p>
      {summary && (
        <details className="more">
          <summary>{t("assessments.source")}</summary>
          <p className="hint">{summary.citation}</p>
        </details>
      )}
      <div className="actions-row">
        <button type="button" className="button secondary" onClick={onAgain}>
          {t("assessments.again")}
        </button>
        <Link href="/assessments" className="button secondary">
          {t("assessments.allCheckins")}
        </Link>
      </div>
    </section>
  );
}
