import { Suspense } from "react";
import { Route, Switch } from "wouter";
import { Header } from "./components/Header";
import { Loading } from "./components/Loading";
import { MainNav } from "./components/MainNav";
import { SignedInOnly, SignedOutOnly } from "./components/route-guards";
import { SkipLink } from "./components/SkipLink";
import { I18nProvider } from "./i18n/context";
import { lazyWithWords } from "./i18n/lazy-with-words";
import { localeFromLanguages } from "./i18n/translate";
import { DeviceLockProvider } from "./lock/DeviceLockProvider";
import { LockGate } from "./lock/LockGate";
import { assessmentsRoutes } from "./screens/assessments/routes";
import { AcceptInviteScreen } from "./screens/auth/AcceptInviteScreen";
import { SignInScreen } from "./screens/auth/SignInScreen";
import { SignUpScreen } from "./screens/auth/SignUpScreen";
import { careRoutes } from "./screens/care/routes";
import { dailyRoutes } from "./screens/daily/routes";
import { lessonsRoutes } from "./screens/lessons/routes";
import { medicationRoutes } from "./screens/medication/routes";
import { messagesRoutes } from "./screens/messages/routes";
import { NotFoundScreen } from "./screens/not-found/NotFoundScreen";
import { organizationRoutes } from "./screens/organization/routes";
import { peerGroupRoutes } from "./screens/peer-group/routes";
import { PlanSection } from "./screens/plan/plan-section";
import { rewardsRoutes } from "./screens/rewards/routes";
import { secondFactorRoutes } from "./screens/second-factor/routes";
import { settingsRoutes } from "./screens/settings/routes";
import { supportRoutes } from "./screens/support/routes";
import { TodayScreen } from "./screens/today/TodayScreen";
import { SessionProvider, useSession } from "./session";

// Crisis help loads on its own, then from the service worker's copy of the build (issue 15):
// the kit and the person's own contacts bring date and schema code the first load does without.
const HelpScreen = lazyWithWords([], () =>
  import("./screens/help/HelpScreen").then((module) => module.HelpScreen),
);

// Offline sync (issue 15): the loop and its line load right after the first screen.
const SyncStatus = lazyWithWords(["offline"], () =>
  import("./offline/SyncStatus").then((module) => module.SyncStatus),
);

export function App() {
  return (
    <SessionProvider>
      <LocalizedShell />
    </SessionProvider>
  );
}

/** The person's saved language wins; before sign-in, the browser's. */
function LocalizedShell() {
  const { session } = useSession();
  const locale =
    session.status === "signed-in" ? session.me.locale : localeFromLanguages(navigator.languages);
  return (
    <I18nProvider locale={locale}>
      <DeviceLockProvider>
        <SkipLink />
        <Header />
        <main id="main" tabIndex={-1}>
          <LockGate>
            {session.status === "signed-in" && (
              <Suspense fallback={null}>
                <SyncStatus memberId={session.me.id} />
              </Suspense>
            )}
            <Routes />
          </LockGate>
        </main>
        {session.status === "signed-in" && session.me.secondFactor.state !== "pending" && (
          <LockGate whenLocked={null}>
            <MainNav />
          </LockGate>
        )}
      </DeviceLockProvider>
    </I18nProvider>
  );
}

function Routes() {
  return (
    <Switch>
      <Route path="/help">
        <Suspense fallback={<Loading />}>
          <HelpScreen />
        </Suspense>
      </Route>
      <Route path="/sign-in">
        <SignedOutOnly>
          <SignInScreen />
        </SignedOutOnly>
      </Route>
      <Route path="/sign-up">
        <SignedOutOnly>
          <SignUpScreen />
        </SignedOutOnly>
      </Route>
      <Route path="/invite/:token">{({ token }) => <AcceptInviteScreen token={token} />}</Route>
      <Route path="/">
        <SignedInOnly>
          <TodayScreen />
        </SignedInOnly>
      </Route>
      {settingsRoutes}
      <Route path="/plan" nest>
        <PlanSection />
      </Route>
      {dailyRoutes}
      {assessmentsRoutes}
      {medicationRoutes}
      {careRoutes}
      {supportRoutes}
      {rewardsRoutes}
      {peerGroupRoutes}
      {messagesRoutes}
      {lessonsRoutes}
      {secondFactorRoutes}
      {organizationRoutes}
      {/* (feature routes go above this line) */}
      <Route component={NotFoundScreen} />
    </Switch>
  );
}
