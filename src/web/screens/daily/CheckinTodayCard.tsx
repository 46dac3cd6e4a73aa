import { Suspense } from "react";
import { CardSkeleton, type SkeletonLine } from "../../components/CardSkeleton";
import { lazyWithWords } from "../../i18n/lazy-with-words";

// The card's code (API client, schemas, the calendar library) loads after the app starts,
// so the first screen on a cheap phone is not held up by it.
const TodayCardBody = lazyWithWords(
  ["daily"],
  () => import("./TodayCardBody").then((module) => module.TodayCardBody),
  { preloadWith: "today" },
);

/** A status line, a hint and the button: the card's shape once it has loaded. */
export const CHECKIN_CARD_SKELETON: readonly SkeletonLine[] = ["line", "short", "tall"];

/** First on Today: is today's check-in done? If not, it is one tap away. */
export function CheckinTodayCard() {
  return (
    <Suspense
      fallback={
        <CardSkeleton
          titleKey="today.checkinCard.title"
          className="card checkin-card stack"
          lines={CHECKIN_CARD_SKELETON}
        />
      }
    >
      <TodayCardBody />
    </Suspense>
  );
}
