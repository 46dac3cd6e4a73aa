import { type ReactNode, Suspense } from "react";
import { Route } from "wouter";
import "../../styles/second-factor.css";
import { Loading } from "../../components/Loading";
import { PartlySignedInOnly, SignedInOnly, SignedOutOnly } from "../../components/route-guards";
import { lazyWithWords } from "../../i18n/lazy-with-words";

// Sign-in's second step too loads when it is needed: the first load carries no schema code.
const VerifySecondFactorScreen = lazyWithWords([], () =>
  import("./VerifySecondFactorScreen").then((module) => module.VerifySecondFactorScreen),
);
const SecondFactorScreen = lazyWithWords(["secondFactor"], () =>
  import("./SecondFactorScreen").then((module) => module.SecondFactorScreen),
);
const ChangePasswordScreen = lazyWithWords(["secondFactor"], () =>
  import("./ChangePasswordScreen").then((module) => module.ChangePasswordScreen),
);
const ResetLinkScreen = lazyWithWords(["secondFactor"], () =>
  import("./ResetLinkScreen").then((module) => module.ResetLinkScreen),
);
const ResetPasswordScreen = lazyWithWords(["secondFactor"], () =>
  import("./ResetPasswordScreen").then((module) => module.ResetPasswordScreen),
);
const RecoverScreen = lazyWithWords(["secondFactor"], () =>
  import("./RecoverScreen").then((module) => module.RecoverScreen),
);

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

/** Sign-in's second step, the enrolment screen, and the two ways back into an account. */
export const secondFactorRoutes = [
  <Route key="verify" path="/sign-in/second-factor">
    <PartlySignedInOnly>
      <Lazy>
        <VerifySecondFactorScreen />
      </Lazy>
    </PartlySignedInOnly>
  </Route>,
  <Route key="enrol" path="/settings/second-factor">
    <SignedInOnly>
      <Lazy>
        <SecondFactorScreen />
      </Lazy>
    </SignedInOnly>
  </Route>,
  <Route key="password" path="/settings/password">
    <SignedInOnly>
      <Lazy>
        <ChangePasswordScreen />
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
