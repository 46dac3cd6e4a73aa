import { useId } from "react";
import { Link } from "wouter";
import { SkeletonLines } from "../../components/CardSkeleton";
import { useI18n } from "../../i18n/context";
import { useToday } from "../today/today-data";
import { textFor } from "./words";

/** What the check-ins card shows once its code and words have loaded (see AssessmentsTodayCard). */
export function AssessmentsCardBody() {
  const i18n = useI18n();
  const { t } = i18n;
  const headingId = useId();
  const { state, reload } = useToday();
  const today = state.status === "loaded" ? state.value : null;
  const due = today ? today.assessmentsDue.due.filter((entry) => entry.due) : [];
  const openEpisode = today?.withdrawalEpisodes.episodes.some((episode) => !episode.endedAt);

  return (
    <section
      className="card stack"
      aria-labelledby={headingId}
      aria-busy={state.status === "loading"}
    >
      <h2 id={headingId}>{t("assessments.card.title")}</h2>
      {state.status === "loading" && <SkeletonLines lines={["line"]} />}
      {state.status === "failed" && (
        <div className="actions-row">
          <p>{t("assessments.card.loadError")}</p>
          <button type="button" className="button secondary" onClick={reload}>
            {t("app.retry")}
          </button>
        </div>
      )}
      {openEpisode && (
        <>
          <p>{t("assessments.card.withdrawal")}</p>
          <div className="actions-row">
            <Link href="/assessments/sows" className="button primary">
              {t("assessments.card.rateWithdrawal")}
            </Link>
            <Link href="/withdrawal" className="button secondary">
              {t("assessments.card.tracker")}
            </Link>
          </div>
        </>
      )}
      {due.length > 0 && (
        <ul className="due-list">
          {due.map((entry) => (
            <li key={entry.instrument}>
              <Link href={`/assessments/${entry.instrument}`}>
                {textFor(i18n, `assessments.short.${entry.instrument}`) || entry.instrument}
              </Link>{" "}
              <span className="hint">{t("assessments.card.due")}</span>
            </li>
          ))}
        </ul>
      )}
      {today && !openEpisode && due.length === 0 && (
        <p className="hint">{t("assessments.card.nothingDue")}</p>
      )}
      <Link href="/assessments">{t("assessments.card.all")}</Link>
    </section>
  );
}
