import { type ReactNode, Suspense } from "react";
import { Route } from "wouter";
import "../../styles/peer-group.css";
import { Loading } from "../../components/Loading";
import { SignedInOnly } from "../../components/route-guards";
import { lazyWithWords } from "../../i18n/lazy-with-words";

const PeerGroupScreen = lazyWithWords(["peerGroup"], () =>
  import("./PeerGroupScreen").then((module) => module.PeerGroupScreen),
);
const ModerationScreen = lazyWithWords(["peerGroup"], () =>
  import("./ModerationScreen").then((module) => module.ModerationScreen),
);
const ModeratorsScreen = lazyWithWords(["peerGroup"], () =>
  import("./ModeratorsScreen").then((module) => module.ModeratorsScreen),
);

function Screen({ children }: { children: ReactNode }) {
  return (
    <SignedInOnly>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </SignedInOnly>
  );
}

/** The peer group, its moderators' queue, and the admin's choice of moderators. */
export const peerGroupRoutes = [
  <Route key="peer-group" path="/peer-group">
    <Screen>
      <PeerGroupScreen />
    </Screen>
  </Route>,
  <Route key="peer-moderation" path="/peer-group/moderation">
    <Screen>
      <ModerationScreen />
    </Screen>
  </Route>,
  <Route key="peer-moderators" path="/settings/moderators">
    <Screen>
      <ModeratorsScreen />
    </Screen>
  </Route>,
];
