import { Suspense } from "react";
import { CardSkeleton, type SkeletonLine } from "../../components/CardSkeleton";
import { Loading } from "../../components/Loading";
import { SignedInOnly } from "../../components/route-guards";
import { lazyWithWords } from "../../i18n/lazy-with-words";

// The plan's screens (and uPlot) load when someone first opens them, not with the app shell.
const PlanRoutes = lazyWithWords(["plan"], () =>
  import("./PlanRoutes").then((module) => module.default),
);
const LazyPlanTodayCard = lazyWithWords(
  ["plan"],
  () => import("./PlanTodayCard").then((module) => module.default),
  { preloadWith: "today" },
);

/** Mounted at /plan (nested) in app.tsx. */
export function PlanSection() {
  return (
    <SignedInOnly>
      <Suspense fallback={<Loading />}>
        <PlanRoutes />
      </Suspense>
    </SignedInOnly>
  );
}

/**
 * Three next steps, a count and the button: the card's shape once it has loaded. A step's title
 * usually takes two lines on a phone, so each step is a line and a half: with one line each,
 * the card grew by half its height as it loaded and pushed the cards under it (Lighthouse's
 * layout shift on Today).
 */
export const PLAN_CARD_SKELETON: readonly SkeletonLine[] = [
  "line",
  "short",
  "line",
  "short",
  "line",
  "short",
  "short",
  "tall",
];

/** The plan's card on Today. */
export function PlanTodayCard() {
  return (
    <Suspense fallback={<CardSkeleton titleKey="planCard.nextTitle" lines={PLAN_CARD_SKELETON} />}>
      <LazyPlanTodayCard />
    </Suspense>
  );
}
