import { lazy, type ReactNode, Suspense } from "react";
import { Route } from "wouter";
import "../../styles/support.css";
import { Loading } from "../../components/Loading";
import { SignedInOnly } from "../../components/route-guards";

const PeopleScreen = lazy(() =>
  import("./PeopleScreen").then((module) => ({ default: module.PeopleScreen })),
);
const NaloxoneScreen = lazy(() =>
  import("./NaloxoneScreen").then((module) => ({ default: module.NaloxoneScreen })),
);
const MeetingsScreen = lazy(() =>
  import("./MeetingsScreen").then((module) => ({ default: module.MeetingsScreen })),
);
const AttendanceScreen = lazy(() =>
  import("./AttendanceScreen").then((module) => ({ default: module.AttendanceScreen })),
);

function Screen({ children }: { children: ReactNode }) {
  return (
    <SignedInOnly>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </SignedInOnly>
  );
}

/** The support side's routes: people, naloxone, meetings and attendance. */
export const supportRoutes = [
  <Route key="people" path="/people">
    <Screen>
      <PeopleScreen />
    </Screen>
  </Route>,
  <Route key="naloxone" path="/people/naloxone">
    <Screen>
      <NaloxoneScreen />
    </Screen>
  </Route>,
  <Route key="meetings" path="/meetings">
    <Screen>
      <MeetingsScreen />
    </Screen>
  </Route>,
  <Route key="attendance" path="/meetings/attendance">
    <Screen>
      <AttendanceScreen />
    </Screen>
  </Route>,
];
