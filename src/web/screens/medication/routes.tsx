import { type ReactNode, Suspense } from "react";
import { Route } from "wouter";
import "../../styles/medication.css";
import { Loading } from "../../components/Loading";
import { SignedInOnly } from "../../components/route-guards";
import { lazyWithWords } from "../../i18n/lazy-with-words";

// Each screen loads when someone opens it; only the Today card's shell is in the entry.
const MedicationScreen = lazyWithWords(["medication"], () =>
  import("./MedicationScreen").then((module) => module.MedicationScreen),
);
const AppointmentsScreen = lazyWithWords(["medication"], () =>
  import("./AppointmentsScreen").then((module) => module.AppointmentsScreen),
);
const RemindersScreen = lazyWithWords(["medication"], () =>
  import("./RemindersScreen").then((module) => module.RemindersScreen),
);

function Screen({ children }: { children: ReactNode }) {
  return (
    <SignedInOnly>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </SignedInOnly>
  );
}

/** The medication feature's routes, placed in the app's <Switch> as one list. */
export const medicationRoutes = [
  <Route key="medication" path="/medication">
    <Screen>
      <MedicationScreen />
    </Screen>
  </Route>,
  <Route key="medication-appointments" path="/medication/appointments">
    <Screen>
      <AppointmentsScreen />
    </Screen>
  </Route>,
  <Route key="appointments" path="/appointments">
    <Screen>
      <AppointmentsScreen />
    </Screen>
  </Route>,
  <Route key="settings-reminders" path="/settings/reminders">
    <Screen>
      <RemindersScreen />
    </Screen>
  </Route>,
];
