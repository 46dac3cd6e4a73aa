import { Link } from "wouter";
import type { Plan } from "../../../domain/api/plan";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { FormAlert } from "../../components/FormAlert";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useI18n } from "../../i18n/context";
import { AddGoalForm } from "./AddGoalForm";
import { GoalCard } from "./GoalCard";
import { PlanLinks } from "./PlanLinks";
import { domainName, introLine } from "./plan-words";
import { UndoToast } from "./UndoToast";
import { usePlanEditor } from "./use-plan-editor";

/** The plan: life areas → goals → steps, in the person's order, every part editable. */
export function PlanScreen() {
  const i18n = useI18n();
  const { t, tCount, locale } = i18n;
  const editor = usePlanEditor();
  const { load, actions } = editor;
  const helpers = load.status === "loaded" ? helpersIn(load.data) : [];

  return (
    <div className="stack plan">
      <ScreenHeading titleKey="plan.title" />
      {load.status === "loading" && <Loading />}
      {load.status === "failed" && (
        <ErrorState message={describeError(load.error, i18n).message} onRetry={editor.retry} />
      )}
      {load.status === "loaded" &&
        (isEmpty(load.data) ? (
          <EmptyPlan />
        ) : (
          <>
            {load.data.introKey && <p className="lead">{introLine(locale, load.data.introKey)}</p>}
            <div className="plan-summary">
              <p>
                <strong>
                  {tCount("plan.summary", load.data.summary.steps, {
                    done: load.data.summary.stepsDone,
                  })}
                </strong>
              </p>
              <progress
                max={Math.max(1, load.data.summary.steps)}
                value={load.data.summary.stepsDone}
                aria-hidden="true"
              />
            </div>
            <PlanLinks />
            <FormAlert message={editor.error} />
            {load.data.domains.map(({ domain, goals }) => (
              <section key={domain} className="stack domain" aria-labelledby={`domain-${domain}`}>
                <h2 id={`domain-${domain}`}>{domainName(locale, domain)}</h2>
                {goals.map((goal, index) => (
                  <GoalCard
                    key={goal.id}
                    goal={goal}
                    goals={goals}
                    index={index}
                    actions={actions}
                    helpers={helpers}
                  />
                ))}
              </section>
            ))}
            <AddGoalForm actions={actions} />
            <p>
              <Link href="/start">{t("plan.retakeIntake")}</Link>
            </p>
          </>
        ))}
      <UndoToast
        change={editor.lastChange}
        announcement={editor.announcement}
        onUndo={editor.undo}
        onDismiss={editor.dismiss}
      />
    </div>
  );
}

function isEmpty(plan: Plan): boolean {
  return plan.intake === null && plan.domains.length === 0;
}

/** People already helping with a step, offered again when choosing a helper. */
function helpersIn(plan: Plan): string[] {
  const names = plan.domains.flatMap(({ goals }) =>
    goals.flatMap((goal) => goal.steps.map((step) => step.helper)),
  );
  return [...new Set(names.filter((name): name is string => Boolean(name)))];
}

function EmptyPlan() {
  const { t } = useI18n();
  return (
    <section className="card empty-state">
      <img src="/icon.svg" alt="" width="48" height="48" />
      <h2>{t("plan.emptyTitle")}</h2>
      <p>{t("plan.emptyBody")}</p>
      <Link href="/start" className="button primary">
        {t("plan.startIntake")}
      </Link>
    </section>
  );
}
