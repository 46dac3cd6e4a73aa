import { useId } from "react";
import { Link } from "wouter";
// Only the card's few rules: the plan screens' styles load with them (PlanRoutes).
import "../../styles/plan-card.css";
import type { PlanStep } from "../../../domain/api/plan";
import { CardSkeleton } from "../../components/CardSkeleton";
import { useI18n } from "../../i18n/context";
import { useToday } from "../today/today-data";
import { PLAN_CARD_SKELETON } from "./plan-section";

const SHOWN_STEPS = 3;

/**
 * On Today: an invitation to the intake for someone with no plan yet; otherwise the next few
 * steps (those under way first) and, when it is due, the weekly plan check.
 */
export default function PlanTodayCard() {
  const { t, tCount } = useI18n();
  const headingId = useId();
  const { state } = useToday();
  // Today stays calm: if the plan cannot be reached, the card steps aside quietly.
  if (state.status === "loading") {
    return <CardSkeleton titleKey="planCard.nextTitle" lines={PLAN_CARD_SKELETON} />;
  }
  if (state.status !== "loaded") return null;
  const { plan, planReviews: reviews } = state.value;

  if (plan.intake === null && plan.domains.length === 0) {
    return (
      <section className="card stack plan-card" aria-labelledby={headingId}>
        <h2 id={headingId}>{t("planCard.startTitle")}</h2>
        <p>{t("planCard.startBody")}</p>
        <Link href="/plan/start" className="button primary">
          {t("planCard.startAction")}
        </Link>
      </section>
    );
  }

  const open = plan.domains.flatMap(({ goals }) =>
    goals.flatMap((goal) => (goal.status === "active" ? goal.steps : [])),
  );
  const next: PlanStep[] = [
    ...open.filter((step) => step.status === "doing"),
    ...open.filter((step) => step.status === "todo"),
  ].slice(0, SHOWN_STEPS);

  return (
    <section className="card stack plan-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("planCard.nextTitle")}</h2>
      {next.length > 0 ? (
        <ul className="bullets">
          {next.map((step) => (
            <li key={step.id}>
              {step.title}
              {step.status === "doing" && <span className="badge">{t("plan.status.doing")}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("planCard.allDone")}</p>
      )}
      <p className="hint">
        {tCount("plan.summary", plan.summary.steps, { done: plan.summary.stepsDone })}
      </p>
      {reviews.due && (
        <p className="review-due">
          <Link href="/plan/review">{t("planCard.reviewDue")}</Link>
        </p>
      )}
      <Link href="/plan" className="button secondary">
        {t("planCard.openPlan")}
      </Link>
    </section>
  );
}
