import { lazy, Suspense } from "react";
import { Loading } from "../../components/Loading";
import { SignedInOnly } from "../../components/route-guards";

// The plan's screens (and uPlot) load when someone first opens them, not with the app shell.
const PlanRoutes = lazy(() => import("./PlanRoutes"));
const LazyPlanTodayCard = lazy(() => import("./PlanTodayCard"));

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

/** The plan's card on Today. */
export function PlanTodayCard() {
  return (
    <Suspense fallback={null}>
      <LazyPlanTodayCard />
    </Suspense>
  );
}
