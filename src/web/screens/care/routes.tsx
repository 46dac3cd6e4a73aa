import { type ReactNode, Suspense } from "react";
import { Route } from "wouter";
import "../../styles/care.css";
import { Loading } from "../../components/Loading";
import { SignedInOnly } from "../../components/route-guards";
import { lazyWithWords } from "../../i18n/lazy-with-words";

const SharingScreen = lazyWithWords(["care"], () =>
  import("./SharingScreen").then((module) => module.SharingScreen),
);
const AccessLogScreen = lazyWithWords(["care", "peerGroup", "secondFactor"], () =>
  import("./AccessLogScreen").then((module) => module.AccessLogScreen),
);
const CareTeamScreen = lazyWithWords(["care"], () =>
  import("./CareTeamScreen").then((module) => module.CareTeamScreen),
);
const CaseloadScreen = lazyWithWords(["care", "messages", "lessons"], () =>
  import("./CaseloadScreen").then((module) => module.CaseloadScreen),
);
const SupportingScreen = lazyWithWords(["care", "messages"], () =>
  import("./SupportingScreen").then((module) => module.SupportingScreen),
);
const MemberSummaryScreen = lazyWithWords(["care", "messages", "lessons"], () =>
  import("./MemberSummaryScreen").then((module) => module.MemberSummaryScreen),
);

function Screen({ children }: { children: ReactNode }) {
  return (
    <SignedInOnly>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </SignedInOnly>
  );
}

/** The care team's routes: the member's sharing, the clinician's caseload, the supporter's view. */
export const careRoutes = [
  <Route key="sharing" path="/settings/sharing">
    <Screen>
      <SharingScreen />
    </Screen>
  </Route>,
  <Route key="sharing-log" path="/settings/sharing/log">
    <Screen>
      <AccessLogScreen />
    </Screen>
  </Route>,
  <Route key="care-team" path="/care-team">
    <Screen>
      <CareTeamScreen />
    </Screen>
  </Route>,
  <Route key="supporting" path="/supporting">
    <Screen>
      <SupportingScreen />
    </Screen>
  </Route>,
  <Route key="caseload" path="/caseload">
    <Screen>
      <CaseloadScreen />
    </Screen>
  </Route>,
  <Route key="caseload-member" path="/caseload/:memberId">
    {({ memberId }) => (
      <Screen>
        <MemberSummaryScreen key={memberId} memberId={memberId} />
      </Screen>
    )}
  </Route>,
];
