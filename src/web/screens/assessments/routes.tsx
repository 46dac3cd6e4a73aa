import { type ReactNode, Suspense } from "react";
import { Route } from "wouter";
import "../../styles/assessments.css";
import { Loading } from "../../components/Loading";
import { SignedInOnly } from "../../components/route-guards";
import { lazyWithWords } from "../../i18n/lazy-with-words";

// Each screen loads when opened; the questionnaire and withdrawal screens carry uPlot.
const AssessmentsScreen = lazyWithWords(["assessments"], () =>
  import("./AssessmentsScreen").then((module) => module.AssessmentsScreen),
);
const QuestionnaireScreen = lazyWithWords(["assessments"], () =>
  import("./QuestionnaireScreen").then((module) => module.QuestionnaireScreen),
);
const WithdrawalScreen = lazyWithWords(["assessments"], () =>
  import("./WithdrawalScreen").then((module) => module.WithdrawalScreen),
);
const RecordObservedScreen = lazyWithWords(["assessments"], () =>
  import("./RecordObservedScreen").then((module) => module.RecordObservedScreen),
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
