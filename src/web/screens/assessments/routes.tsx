import { lazy, type ReactNode, Suspense } from "react";
import { Route } from "wouter";
import "../../styles/assessments.css";
import { Loading } from "../../components/Loading";
import { SignedInOnly } from "../../components/route-guards";

// Each screen loads when opened; the questionnaire and withdrawal screens carry uPlot.
const AssessmentsScreen = lazy(() =>
  import("./AssessmentsScreen").then((module) => ({ default: module.AssessmentsScreen })),
);
const QuestionnaireScreen = lazy(() =>
  import("./QuestionnaireScreen").then((module) => ({ default: module.QuestionnaireScreen })),
);
const WithdrawalScreen = lazy(() =>
  import("./WithdrawalScreen").then((module) => ({ default: module.WithdrawalScreen })),
);
const RecordObservedScreen = lazy(() =>
  import("./RecordObservedScreen").then((module) => ({ default: module.RecordObservedScreen })),
);

function Screen({ children }: { children: ReactNode }) {
  return (
    <SignedInOnly>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </SignedInOnly>
  );
}

/** Assessments and the withdrawal tracker, placed in the app's <Switch> as one list. */
export const assessmentsRoutes = [
  <Route key="assessments" path="/assessments">
    <Screen>
      <AssessmentsScreen />
    </Screen>
  </Route>,
  <Route key="assessment" path="/assessments/:instrumentId">
    {({ instrumentId }) => (
      <Screen>
        <QuestionnaireScreen key={instrumentId} instrumentId={instrumentId} />
      </Screen>
    )}
  </Route>,
  <Route key="withdrawal" path="/withdrawal">
    <Screen>
      <WithdrawalScreen />
    </Screen>
  </Route>,
  // A clinician or trained supporter rating someone on their caseload; wouter matches whole
  // paths, so this never shadows the care feature's /caseload/:memberId.
  <Route key="observed-cows" path="/caseload/:memberId/cows">
    {({ memberId }) => (
      <Screen>
        <RecordObservedScreen key={memberId} memberId={memberId} />
      </Screen>
    )}
  </Route>,
];
