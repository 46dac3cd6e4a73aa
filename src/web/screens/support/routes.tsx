import { type ReactNode, Suspense } from "react";
import { Route } from "wouter";
import "../../styles/support.css";
import { Loading } from "../../components/Loading";
import { SignedInOnly } from "../../components/route-guards";
import { lazyWithWords } from "../../i18n/lazy-with-words";

const PeopleScreen = lazyWithWords(["support"], () =>
  import("./PeopleScreen").then((module) => module.PeopleScreen),
);
const NaloxoneScreen = lazyWithWords(["support"], () =>
  import("./NaloxoneScreen").then((module) => module.NaloxoneScreen),
);
const MeetingsScreen = lazyWithWords(["support"], () =>
  import("./MeetingsScreen").then((module) => module.MeetingsScreen),
);
const AttendanceScreen = lazyWithWords(["support"], () =>
  import("./AttendanceScreen").then((module) => module.AttendanceScreen),
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
