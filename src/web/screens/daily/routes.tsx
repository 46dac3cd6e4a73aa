import { lazy, type ReactNode, Suspense } from "react";
import { Route } from "wouter";
import "../../styles/daily.css";
import { Loading } from "../../components/Loading";
import { SignedInOnly } from "../../components/route-guards";

// Each screen loads when someone opens it, so the first load on a cheap phone stays small
// (Progress also carries the chart library, uPlot). Only Today's check-in card is in the entry.
const CheckinScreen = lazy(() =>
  import("./CheckinScreen").then((module) => ({ default: module.CheckinScreen })),
);
const CravingScreen = lazy(() =>
  import("./CravingScreen").then((module) => ({ default: module.CravingScreen })),
);
const CopingScreen = lazy(() =>
  import("./coping/CopingScreen").then((module) => ({ default: module.CopingScreen })),
);
const ToolScreen = lazy(() =>
  import("./coping/ToolScreen").then((module) => ({ default: module.ToolScreen })),
);
const LapseScreen = lazy(() =>
  import("./LapseScreen").then((module) => ({ default: module.LapseScreen })),
);
const ProgressScreen = lazy(() =>
  import("./progress/ProgressScreen").then((module) => ({ default: module.ProgressScreen })),
);

/** A signed-in screen whose code loads on demand. */
function Screen({ children }: { children: ReactNode }) {
  return (
    <SignedInOnly>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </SignedInOnly>
  );
}

/** The everyday features' routes, placed in the app's <Switch> as one list. */
export const dailyRoutes = [
  <Route key="checkin" path="/checkin">
    <Screen>
      <CheckinScreen />
    </Screen>
  </Route>,
  <Route key="checkin-day" path="/checkin/:date">
    {({ date }) => (
      <Screen>
        <CheckinScreen key={date} date={date} />
      </Screen>
    )}
  </Route>,
  <Route key="craving" path="/craving">
    <Screen>
      <CravingScreen />
    </Screen>
  </Route>,
  <Route key="coping" path="/coping">
    <Screen>
      <CopingScreen />
    </Screen>
  </Route>,
  <Route key="coping-tool" path="/coping/:tool">
    {({ tool }) => (
      <Screen>
        <ToolScreen key={tool} slug={tool} />
      </Screen>
    )}
  </Route>,
  <Route key="lapse" path="/lapse">
    <Screen>
      <LapseScreen />
    </Screen>
  </Route>,
  <Route key="progress" path="/progress">
    <Screen>
      <ProgressScreen />
    </Screen>
  </Route>,
];
