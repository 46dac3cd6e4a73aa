import { Suspense } from "react";
import { CardSkeleton } from "../../components/CardSkeleton";
import { lazyWithWords } from "../../i18n/lazy-with-words";

// Loads after the app starts, so Today's first paint is not held up by this card's client.
const Body = lazyWithWords(
  ["assessments"],
  () => import("./AssessmentsCardBody").then((module) => module.AssessmentsCardBody),
  { preloadWith: "today" },
);

/** On Today: scheduled questionnaires that are due, and an open withdrawal episode. */
export function AssessmentsTodayCard() {
  return (
    <Suspense
      fallback={<CardSkeleton titleKey="assessments.card.title" lines={["line", "short"]} />}
    >
      <Body />
    </Suspense>
  );
}
