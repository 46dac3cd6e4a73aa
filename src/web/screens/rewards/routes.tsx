import { type ReactNode, Suspense } from "react";
import { Route } from "wouter";
import "../../styles/rewards.css";
import { Loading } from "../../components/Loading";
import { SignedInOnly } from "../../components/route-guards";
import { lazyWithWords } from "../../i18n/lazy-with-words";

const RewardsScreen = lazyWithWords(["rewards"], () =>
  import("./RewardsScreen").then((module) => module.RewardsScreen),
);
const MemberRewardsScreen = lazyWithWords(["rewards"], () =>
  import("./MemberRewardsScreen").then((module) => module.MemberRewardsScreen),
);
const RewardSettingsScreen = lazyWithWords(["rewards"], () =>
  import("./RewardSettingsScreen").then((module) => module.RewardSettingsScreen),
);

function Screen({ children }: { children: ReactNode }) {
  return (
    <SignedInOnly>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </SignedInOnly>
  );
}

/** Rewards: the member's points, a clinician's verification screen, the organization's settings. */
export const rewardsRoutes = [
  <Route key="rewards" path="/rewards">
    <Screen>
      <RewardsScreen />
    </Screen>
  </Route>,
  <Route key="rewards-member" path="/caseload/:memberId/rewards">
    {({ memberId }) => (
      <Screen>
        <MemberRewardsScreen key={memberId} memberId={memberId} />
      </Screen>
    )}
  </Route>,
  <Route key="rewards-settings" path="/settings/rewards">
    <Screen>
      <RewardSettingsScreen />
    </Screen>
  </Route>,
];
