import { type ReactNode, Suspense } from "react";
import { Route } from "wouter";
import "../../styles/daily.css";
import type { Me } from "../../../domain/api/auth";
import { Loading } from "../../components/Loading";
import { SignedInOnly, secondFactorDetour } from "../../components/route-guards";
import { lazyWithWords } from "../../i18n/lazy-with-words";
import { loadWords } from "../../i18n/load-words";

// Each screen loads when someone opens it, so the first load on a cheap phone stays small
// (Progress also carries the chart library, uPlot). Only Today's check-in card is in the entry.
const CheckinScreen = lazyWithWords(["daily"], () =>
  import("./CheckinScreen").then((module) => module.CheckinScreen),
);
const CravingScreen = lazyWithWords(["daily"], () =>
  import("./CravingScreen").then((module) => module.CravingScreen),
);
const CopingScreen = lazyWithWords(["daily"], () =>
  import("./coping/CopingScreen").then((module) => module.CopingScreen),
);
const ToolScreen = lazyWithWords(["daily", "care", "support"], () =>
  import("./coping/ToolScreen").then((module) => module.ToolScreen),
);
const LapseScreen = lazyWithWords(["daily", "care", "support"], () =>
  import("./LapseScreen").then((module) => module.LapseScreen),
);
const ProgressScreen = lazyWithWords(["daily", "lessons"], () =>
  import("./progress/ProgressScreen").then((module) => module.ProgressScreen),
);

/**
 * Opened straight on the check-in or the craving log (a reload, a home-screen shortcut in a
 * hard moment): the screen's code is asked for as the app starts, alongside /api/me; its words,
 * and today's check-in, as soon as /api/me says whose, instead of once the screen draws
 * (issue 16).
 */
export function preloadDailyScreen(pathname: string, whoIsSignedIn: Promise<Me | null>): void {
  const screen =
    pathname === "/checkin" || pathname.startsWith("/checkin/")
      ? import("./CheckinScreen")
      : pathname === "/craving"
        ? import("./CravingScreen")
        : null;
  if (!screen) return;
  // A failure here is only a lost head start: the route asks again when it draws.
  const signedIn = whoIsSignedIn.then((me) =>
    me && !secondFactorDetour(me, pathname) ? me : null,
  );
  signedIn.then((me) => me && loadWords(me.locale, ["daily"])).catch(() => undefined);
  Promise.all([screen, signedIn])
    .then(([module, me]) => {
      if (me && pathname === "/checkin" && "askForCheckinEarly" in module) {
        module.askForCheckinEarly(me);
      }
    })
    .catch(() => undefined);
}

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
