import { lazy, type ReactNode, Suspense } from "react";
import { Route } from "wouter";
import "../../styles/second-factor.css";
import { Loading } from "../../components/Loading";
import { PartlySignedInOnly, SignedInOnly, SignedOutOnly } from "../../components/route-guards";
import { VerifySecondFactorScreen } from "./VerifySecondFactorScreen";

const SecondFactorScreen = lazy(() =>
  import("./SecondFactorScreen").then((module) => ({ default: module.SecondFactorScreen })),
);
const ResetLinkScreen = lazy(() =>
  import("./ResetLinkScreen").then((module) => ({ default: module.ResetLinkScreen })),
);
const ResetPasswordScreen = lazy(() =>
  import("./ResetPasswordScreen").then((module) => ({ default: module.ResetPasswordScreen })),
);
const RecoverScreen = lazy(() =>
  import("./RecoverScreen").then((module) => ({ default: module.RecoverScreen })),
);

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

/** Sign-in's second step, the enrolment screen, and the two ways back into an account. */
export const secondFactorRoutes = [
  <Route key="verify" path="/sign-in/second-factor">
    <PartlySignedInOnly>
      <VerifySecondFactorScreen />
    </PartlySignedInOnly>
  </Route>,
  <Route key="enrol" path="/settings/second-factor">
    <SignedInOnly>
      <Lazy>
        <SecondFactorScreen />
      </Lazy>
    </SignedInOnly>
  </Route>,
  <Route key="reset-links" path="/settings/reset-links">
    <SignedInOnly>
      <Lazy>
        <ResetLinkScreen />
      </Lazy>
    </SignedInOnly>
  </Route>,
  <Route key="reset" path="/reset/:token">
    {({ token }: { token: string }) => (
      <Lazy>
        <ResetPasswordScreen token={token} />
      </Lazy>
    )}
  </Route>,
  <Route key="recover" path="/recover">
    <SignedOutOnly>
      <Lazy>
        <RecoverScreen />
      </Lazy>
    </SignedOutOnly>
  </Route>,
];
