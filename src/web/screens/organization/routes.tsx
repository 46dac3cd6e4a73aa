import { Suspense } from "react";
import { Route } from "wouter";
import { Loading } from "../../components/Loading";
import { SignedInOnly } from "../../components/route-guards";
import { lazyWithWords } from "../../i18n/lazy-with-words";

const StaffScreen = lazyWithWords(["organization"], () =>
  import("./StaffScreen").then((module) => module.StaffScreen),
);

/** The admin's list of their organization's staff. */
export const organizationRoutes = [
  <Route key="staff" path="/settings/staff">
    <SignedInOnly>
      <Suspense fallback={<Loading />}>
        <StaffScreen />
      </Suspense>
    </SignedInOnly>
  </Route>,
];
