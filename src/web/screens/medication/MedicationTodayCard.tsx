import { lazy, Suspense, useId } from "react";
import { useI18n } from "../../i18n/context";

// The card's code (client, schemas, the time-zone library) loads after the app starts.
const MedicationCardBody = lazy(() =>
  import("./MedicationCardBody").then((module) => ({ default: module.MedicationCardBody })),
);

/** On Today: today's dose (taken, not yet, missed) with one tap, take-homes, next visit. */
export function MedicationTodayCard() {
  return (
    <Suspense fallback={<CardSkeleton />}>
      <MedicationCardBody />
    </Suspense>
  );
}

function CardSkeleton() {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section className="card stack" aria-labelledby={headingId} aria-busy="true">
      <h2 id={headingId}>{t("medicationCard.title")}</h2>
      <div className="skeleton-lines" aria-hidden="true">
        <span className="skeleton" />
        <span className="skeleton short" />
      </div>
    </section>
  );
}
