import { type ReactNode, Suspense } from "react";
import { Route } from "wouter";
import { Loading } from "../../components/Loading";
import { SignedInOnly } from "../../components/route-guards";
import { lazyWithWords } from "../../i18n/lazy-with-words";

// Settings load when someone opens them, with their words: the first load (Today) carries
// none of their code or the schemas their forms check bodies with.
const SettingsScreen = lazyWithWords([], () =>
  import("./SettingsScreen").then((module) => module.SettingsScreen),
);
// The form that signs out every other device keeps its words with sign-in protection's.
const SessionsScreen = lazyWithWords(["secondFactor"], () =>
  import("./SessionsScreen").then((module) => module.SessionsScreen),
);
const YourDataScreen = lazyWithWords(["account"], () =>
  import("./your-data/YourDataScreen").then((module) => module.YourDataScreen),
);
const InvitePeopleScreen = lazyWithWords([], () =>
  import("./InvitePeopleScreen").then((module) => module.InvitePeopleScreen),
);
const SignOutScreen = lazyWithWords([], () =>
  import("./SignOutScreen").then((module) => module.SignOutScreen),
);
const ProtectionScreen = lazyWithWords(["protection"], () =>
  import("./protection/ProtectionScreen").then((module) => module.ProtectionScreen),
);

function Screen({ children }: { children: ReactNode }) {
  return (
    <SignedInOnly>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </SignedInOnly>
  );
}

/** The settings screens, placed in the app's <Switch> as one list. */
export const settingsRoutes = [
  <Route key="settings" path="/settings">
    <Screen>
      <SettingsScreen />
    </Screen>
  </Route>,
  <Route key="sessions" path="/settings/sessions">
    <Screen>
      <SessionsScreen />
    </Screen>
  </Route>,
  <Route key="your-data" path="/settings/your-data">
    <Screen>
      <YourDataScreen />
    </Screen>
  </Route>,
  <Route key="invite" path="/settings/invite">
    <Screen>
      <InvitePeopleScreen />
    </Screen>
  </Route>,
  <Route key="sign-out" path="/sign-out">
    <Screen>
      <SignOutScreen />
    </Screen>
  </Route>,
  <Route key="protection" path="/settings/protection">
    <Screen>
      <ProtectionScreen />
    </Screen>
  </Route>,
];
