import { lazy, type ReactNode, Suspense } from "react";
import { Route } from "wouter";
import "../../styles/medication.css";
import { Loading } from "../../components/Loading";
import { SignedInOnly } from "../../components/route-guards";

// Each screen loads when someone opens it; only the Today card's shell is in the entry.
const MedicationScreen = lazy(() =>
  import("./MedicationScreen").then((module) => ({ default: module.MedicationScreen })),
);
const AppointmentsScreen = lazy(() =>
  import("./AppointmentsScreen").then((module) => ({ default: module.AppointmentsScreen })),
);
const RemindersScreen = lazy(() =>
  import("./RemindersScreen").then((module) => ({ default: module.RemindersScreen })),
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
