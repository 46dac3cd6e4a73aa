import { lazy, Suspense, useId } from "react";
import { useI18n } from "../../i18n/context";

// The card's code (API client, schemas, the calendar library) loads after the app starts,
// so the first screen on a cheap phone is not held up by it.
const TodayCardBody = lazy(() =>
  import("./TodayCardBody").then((module) => ({ default: module.TodayCardBody })),
);

/** First on Today: is today's check-in done? If not, it is one tap away. */
export function CheckinTodayCard() {
  return (
    <Suspense fallback={<CardSkeleton />}>
      <TodayCardBody />
    </Suspense>
  );
}

function CardSkeleton() {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section className="card checkin-card stack" aria-labelledby={headingId} aria-busy="true">
      <h2 id={headingId}>{t("today.checkinCard.title")}</h2>
      <div className="skeleton-lines" aria-hidden="true">
        <span className="skeleton" />
        <span className="skeleton short" />
      </div>
    </section>
  );
}
