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
import { HelpScreen } from "./screens/help/HelpScreen";
import { lessonsRoutes } from "./screens/lessons/routes";
import { medicationRoutes } from "./screens/medication/routes";
import { messagesRoutes } from "./screens/messages/routes";
import { NotFoundScreen } from "./screens/not-found/NotFoundScreen";
import { peerGroupRoutes } from "./screens/peer-group/routes";
import { PlanSection } from "./screens/plan/plan-section";
import { rewardsRoutes } from "./screens/rewards/routes";
import { secondFactorRoutes } from "./screens/second-factor/routes";
import { InvitePeopleScreen } from "./screens/settings/InvitePeopleScreen";
import { SessionsScreen } from "./screens/settings/SessionsScreen";
import { SettingsScreen } from "./screens/settings/SettingsScreen";
import { supportRoutes } from "./screens/support/routes";
import { TodayScreen } from "./screens/today/TodayScreen";
import { SessionProvider, useSession } from "./session";

// Settings screens with many words of their own load when opened, with those words.
const YourDataScreen = lazyWithWords(["account"], () =>
  import("./screens/settings/your-data/YourDataScreen").then((module) => module.YourDataScreen),
);
const ProtectionScreen = lazyWithWords(["protection"], () =>
  import("./screens/settings/protection/ProtectionScreen").then(
    (module) => module.ProtectionScreen,
  ),
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
      <Route path="/help" component={HelpScreen} />
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
      <Route path="/settings">
        <SignedInOnly>
          <SettingsScreen />
        </SignedInOnly>
      </Route>
      <Route path="/settings/sessions">
        <SignedInOnly>
          <SessionsScreen />
        </SignedInOnly>
      </Route>
      <Route path="/settings/your-data">
        <SignedInOnly>
          <Suspense fallback={<Loading />}>
            <YourDataScreen />
          </Suspense>
        </SignedInOnly>
      </Route>
      <Route path="/settings/invite">
        <SignedInOnly>
          <InvitePeopleScreen />
        </SignedInOnly>
      </Route>
      <Route path="/plan" nest>
        <PlanSection />
      </Route>
      {dailyRoutes}
      {assessmentsRoutes}
      {medicationRoutes}
      {careRoutes}
      {supportRoutes}
      {rewardsRoutes}
      <Route path="/settings/protection">
        <SignedInOnly>
          <Suspense fallback={<Loading />}>
            <ProtectionScreen />
          </Suspense>
        </SignedInOnly>
      </Route>
      {peerGroupRoutes}
      {messagesRoutes}
      {lessonsRoutes}
      {secondFactorRoutes}
      {/* (feature routes go above this line) */}
      <Route component={NotFoundScreen} />
    </Switch>
  );
}
