import { useCallback, useId } from "react";
import { Link } from "wouter";
import "../../styles/plan.css";
import type { PlanStep } from "../../../domain/api/plan";
import { CardSkeleton } from "../../components/CardSkeleton";
import { useI18n } from "../../i18n/context";
import { PLAN_CARD_SKELETON } from "./plan-section";
import { useLoad } from "./use-load";
import { usePlanApi } from "./use-plan-api";

const SHOWN_STEPS = 3;

/**
 * On Today: an invitation to the intake for someone with no plan yet; otherwise the next few
 * steps (those under way first) and, when it is due, the weekly plan check.
 */
export default function PlanTodayCard() {
  const { t, tCount } = useI18n();
  const api = usePlanApi();
  const headingId = useId();
  const fetcher = useCallback(async () => {
    const [plan, reviews] = await Promise.all([api.getPlan(), api.listPlanReviews()]);
    return { plan, reviews };
  }, [api]);
  const { load } = useLoad(fetcher);
  // Today stays calm: if the plan cannot be reached, the card steps aside quietly.
  if (load.status === "loading") {
    return <CardSkeleton titleKey="planCard.nextTitle" lines={PLAN_CARD_SKELETON} />;
  }
  if (load.status !== "loaded") return null;
  const { plan, reviews } = load.data;

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
