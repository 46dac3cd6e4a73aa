import { lazy, type ReactNode, Suspense } from "react";
import { Route } from "wouter";
import "../../styles/care.css";
import { Loading } from "../../components/Loading";
import { SignedInOnly } from "../../components/route-guards";

const SharingScreen = lazy(() =>
  import("./SharingScreen").then((module) => ({ default: module.SharingScreen })),
);
const AccessLogScreen = lazy(() =>
  import("./AccessLogScreen").then((module) => ({ default: module.AccessLogScreen })),
);
const CareTeamScreen = lazy(() =>
  import("./CareTeamScreen").then((module) => ({ default: module.CareTeamScreen })),
);
const CaseloadScreen = lazy(() =>
  import("./CaseloadScreen").then((module) => ({ default: module.CaseloadScreen })),
);
const SupportingScreen = lazy(() =>
  import("./SupportingScreen").then((module) => ({ default: module.SupportingScreen })),
);
const MemberSummaryScreen = lazy(() =>
  import("./MemberSummaryScreen").then((module) => ({ default: module.MemberSummaryScreen })),
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
