import { type FormEvent, useId, useState } from "react";
import type { PlanGoalWithSteps } from "../../../domain/api/plan";
import { useI18n } from "../../i18n/context";
import { formatDayWithYear } from "../../i18n/dates";
import type { MessageKey } from "../../i18n/translate";
import { GoalEditor } from "./GoalEditor";
import { StepItem } from "./StepItem";
import type { usePlanEditor } from "./use-plan-editor";

type Actions = ReturnType<typeof usePlanEditor>["actions"];

/** A goal, why it matters, its steps in order, and a way to add one more. */
export function GoalCard({
  goal,
  goals,
  index,
  actions,
  helpers,
}: {
  goal: PlanGoalWithSteps;
  /** The goals of its domain, for moving up and down. */
  goals: PlanGoalWithSteps[];
  index: number;
  actions: Actions;
  helpers: string[];
}) {
  const { t, tCount, locale } = useI18n();
  const [isEditing, setEditing] = useState(false);
  const titleId = useId();
  const editorId = `${titleId}-editor`;
  const done = goal.steps.filter((step) => step.status === "done").length;
  const open = goal.steps.filter((step) => step.status !== "dropped").length;

  return (
    <article className={`card goal goal-${goal.status}`} aria-labelledby={titleId}>
      <div className="goal-head">
        <h3 id={titleId}>{goal.title}</h3>
        {goal.status !== "active" && (
          <span className="badge">{t(`plan.goalStatus.${goal.status}` as MessageKey)}</span>
        )}
      </div>
      {goal.why && <p className="hint">{goal.why}</p>}
      {goal.targetDate && (
        <p className="hint">
          {t("plan.aimFor", { date: formatDayWithYear(goal.targetDate, locale) })}
        </p>
      )}
      {goal.steps.length > 0 && (
        <p className="goal-progress">{tCount("plan.stepsDone", open, { done })}</p>
      )}
      <ul className="steps" aria-label={t("plan.stepsOf", { goal: goal.title })}>
        {goal.steps.map((step, stepIndex) => (
          <StepItem
            key={step.id}
            goal={goal}
            step={step}
            index={stepIndex}
            actions={actions}
            helpers={helpers}
          />
        ))}
      </ul>
      <AddStep goal={goal} actions={actions} />
      <button
        type="button"
        className="button link small goal-edit"
        aria-expanded={isEditing}
        aria-controls={editorId}
        onClick={() => setEditing((isOpen) => !isOpen)}
      >
        {t("plan.editGoal")}
        <span className="visually-hidden">: {goal.title}</span>
      </button>
      {isEditing && (
        <GoalEditor
          id={editorId}
          goal={goal}
          goals={goals}
          index={index}
          actions={actions}
          onClose={() => setEditing(false)}
        />
      )}
    </article>
  );
}

function AddStep({ goal, actions }: { goal: PlanGoalWithSteps; actions: Actions }) {
  const { t } = useI18n();
  const [title, setTitle] = useState("");
  const inputId = useId();

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) return;
    void actions.addStep(goal.id, trimmed);
    setTitle("");
  }

  return (
    <form className="add-row" noValidate onSubmit={add}>
      <label htmlFor={inputId} className="visually-hidden">
        {t("plan.newStepFor", { goal: goal.title })}
      </label>
      <input
        id={inputId}
        value={title}
        maxLength={200}
        placeholder={t("plan.newStepPlaceholder")}
        onChange={(event) => setTitle(event.target.value)}
      />
      <button type="submit" className="button secondary">
        {t("plan.addStep")}
      </button>
    </form>
  );
}
