import { Suspense } from "react";
import { CardSkeleton, type SkeletonLine } from "../../components/CardSkeleton";
import { lazyWithWords } from "../../i18n/lazy-with-words";

// The card's code (client, schemas, the time-zone library) loads after the app starts.
const MedicationCardBody = lazyWithWords(
  ["medication"],
  () => import("./MedicationCardBody").then((module) => module.MedicationCardBody),
  { preloadWith: "today" },
);

/** The dose line, a note and the button: the card's shape once it has loaded. */
export const MEDICATION_CARD_SKELETON: readonly SkeletonLine[] = ["line", "short", "tall"];

/** On Today: today's dose (taken, not yet, missed) with one tap, take-homes, next visit. */
export function MedicationTodayCard() {
  return (
    <Suspense
      fallback={<CardSkeleton titleKey="medicationCard.title" lines={MEDICATION_CARD_SKELETON} />}
    >
      <MedicationCardBody />
    </Suspense>
  );
}
