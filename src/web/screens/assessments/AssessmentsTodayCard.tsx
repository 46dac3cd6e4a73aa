import { lazy, Suspense, useId } from "react";
import { useI18n } from "../../i18n/context";

// Loads after the app starts, so Today's first paint is not held up by this card's client.
const Body = lazy(() =>
  import("./AssessmentsCardBody").then((module) => ({ default: module.AssessmentsCardBody })),
);

/** On Today: scheduled questionnaires that are due, and an open withdrawal episode. */
export function AssessmentsTodayCard() {
  return (
    <Suspense fallback={<Skeleton />}>
      <Body />
    </Suspense>
  );
}

function Skeleton() {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section className="card stack" aria-labelledby={headingId} aria-busy="true">
      <h2 id={headingId}>{t("assessments.card.title")}</h2>
      <div className="skeleton-lines" aria-hidden="true">
        <span className="skeleton" />
      </div>
    </section>
  );
}
