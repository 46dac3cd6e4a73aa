import { useId, useState } from "react";
import type { PlanGoalWithSteps, PlanStep } from "../../../domain/api/plan";
import { useI18n } from "../../i18n/context";
import { formatDayWithYear } from "../../i18n/dates";
import type { MessageKey } from "../../i18n/translate";
import { StepEditor } from "./StepEditor";
import type { usePlanEditor } from "./use-plan-editor";

type Actions = ReturnType<typeof usePlanEditor>["actions"];

/** One step: a checkbox that marks it done in one tap, and an editor behind "Edit". */
export function StepItem({
  goal,
  step,
  index,
  actions,
  helpers,
}: {
  goal: PlanGoalWithSteps;
  step: PlanStep;
  index: number;
  actions: Actions;
  helpers: string[];
}) {
  const { t, locale } = useI18n();
  const [isEditing, setEditing] = useState(false);
  const editorId = useId();
  const isDone = step.status === "done";
  return (
    <li className={`step status-${step.status}`}>
      <div className="step-row">
        <label className="step-check">
          <input
            type="checkbox"
            checked={isDone}
            onChange={(event) =>
              actions.setStepStatus(step, event.target.checked ? "done" : "todo")
            }
          />
          <span className="step-title">{step.title}</span>
        </label>
        <button
          type="button"
          className="button link small"
          aria-expanded={isEditing}
          aria-controls={editorId}
          onClick={() => setEditing((open) => !open)}
        >
          {t("plan.edit")}
          <span className="visually-hidden">: {step.title}</span>
        </button>
      </div>
      {(step.status === "doing" || step.status === "dropped" || step.dueDate || step.helper) && (
        <p className="step-meta">
          {(step.status === "doing" || step.status === "dropped") && (
            <span className="badge">{t(`plan.status.${step.status}` as MessageKey)}</span>
          )}
          {step.dueDate && (
            <span>{t("plan.due", { date: formatDayWithYear(step.dueDate, locale) })}</span>
          )}
          {step.helper && <span>{t("plan.withHelper", { name: step.helper })}</span>}
        </p>
      )}
      {step.note && !isEditing && <p className="step-note">{step.note}</p>}
      {isEditing && (
        <StepEditor
          id={editorId}
          goal={goal}
          step={step}
          index={index}
          actions={actions}
          helpers={helpers}
          onClose={() => setEditing(false)}
        />
      )}
    </li>
  );
}
