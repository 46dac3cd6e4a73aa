import { lazy, type ReactNode, Suspense } from "react";
import { Route } from "wouter";
import "../../styles/peer-group.css";
import { Loading } from "../../components/Loading";
import { SignedInOnly } from "../../components/route-guards";

const PeerGroupScreen = lazy(() =>
  import("./PeerGroupScreen").then((module) => ({ default: module.PeerGroupScreen })),
);
const ModerationScreen = lazy(() =>
  import("./ModerationScreen").then((module) => ({ default: module.ModerationScreen })),
);
const ModeratorsScreen = lazy(() =>
  import("./ModeratorsScreen").then((module) => ({ default: module.ModeratorsScreen })),
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
