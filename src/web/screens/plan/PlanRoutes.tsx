import { Redirect, Route, Switch } from "wouter";
import "../../styles/plan.css";
import "../../styles/plan-card.css";
import { HistoryScreen } from "./HistoryScreen";
import { IntakeScreen } from "./intake/IntakeScreen";
import { MotivationScreen } from "./motivation/MotivationScreen";
import { ReadinessScreen } from "./motivation/ReadinessScreen";
import { PlanScreen } from "./PlanScreen";
import { ReviewScreen } from "./ReviewScreen";

/** Every screen under /plan; paths here are relative to it (wouter's nested routes). */
export default function PlanRoutes() {
  return (
    <Switch>
      <Route path="/" component={PlanScreen} />
      <Route path="/start" component={IntakeScreen} />
      <Route path="/history" component={HistoryScreen} />
      <Route path="/reasons" component={MotivationScreen} />
      <Route path="/readiness" component={ReadinessScreen} />
      <Route path="/review" component={ReviewScreen} />
      {/* An unknown address under /plan shows the plan itself. */}
      <Route>
        <Redirect to="~/plan" replace />
      </Route>
    </Switch>
  );
}
