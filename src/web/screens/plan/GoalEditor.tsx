import { type FormEvent, useId, useRef, useState } from "react";
import type { PlanGoalWithSteps } from "../../../domain/api/plan";
import { type GoalStatus, goalStatusSchema } from "../../../domain/plan";
import { useI18n } from "../../i18n/context";
import type { MessageKey } from "../../i18n/translate";
import type { usePlanEditor } from "./use-plan-editor";

type Actions = ReturnType<typeof usePlanEditor>["actions"];

export function GoalEditor({
  id,
  goal,
  goals,
  index,
  actions,
  onClose,
}: {
  id: string;
  goal: PlanGoalWithSteps;
  goals: PlanGoalWithSteps[];
  index: number;
  actions: Actions;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState(goal.title);
  const [why, setWhy] = useState(goal.why);
  const [targetDate, setTargetDate] = useState(goal.targetDate ?? "");
  const [status, setStatus] = useState<GoalStatus>(goal.status);
  const [titleError, setTitleError] = useState<string>();
  const fieldId = useId();
  const upButton = useRef<HTMLButtonElement>(null);
  const downButton = useRef<HTMLButtonElement>(null);
  const isFirst = index === 0;
  const isLast = index === goals.length - 1;

  async function move(direction: -1 | 1) {
    if (direction === -1 ? isFirst : isLast) return;
    await actions.moveGoal(goals, goal, direction);
    (direction === -1 ? upButton : downButton).current?.focus();
  }

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (title.trim() === "") {
      setTitleError(t("plan.titleRequired"));
      return;
    }
    void actions.editGoal(goal, {
      title: title.trim(),
      why: why.trim(),
      targetDate: targetDate || null,
      status,
    });
    onClose();
  }

  return (
    <div className="editor stack" id={id}>
      <form className="stack" noValidate onSubmit={save}>
        <label className="field">
          <span>{t("plan.goalTitle")}</span>
          <textarea
            rows={2}
            value={title}
            maxLength={200}
            aria-invalid={titleError ? true : undefined}
            aria-describedby={titleError ? `${fieldId}-error` : undefined}
            onChange={(event) => {
              setTitle(event.target.value);
              setTitleError(undefined);
            }}
          />
        </label>
        {titleError && (
          <p className="field-error" id={`${fieldId}-error`} role="alert">
            {titleError}
          </p>
        )}
        <label className="field">
          <span>{t("plan.goalWhy")}</span>
          <textarea
            rows={3}
            maxLength={1000}
            value={why}
            onChange={(e) => setWhy(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t("plan.targetDate")}</span>
          <input type="date" value={targetDate} onChange={(e) => setTargetDate(e.target.value)} />
        </label>
        <fieldset className="stack tight">
          <legend>{t("plan.statusLabel")}</legend>
          {goalStatusSchema.options.map((option) => (
            <label key={option} className="choice">
              <input
                type="radio"
                name={`${fieldId}-status`}
                checked={status === option}
                onChange={() => setStatus(option)}
              />
              <span>{t(`plan.goalStatusChoice.${option}` as MessageKey)}</span>
            </label>
          ))}
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button primary">
            {t("plan.save")}
          </button>
          <button type="button" className="button secondary" onClick={onClose}>
            {t("plan.cancel")}
          </button>
        </div>
      </form>
      <div className="button-row">
        <button
          ref={upButton}
          type="button"
          className="button secondary small"
          aria-disabled={isFirst}
          onClick={() => move(-1)}
        >
          {t("plan.moveUp")}
          <span className="visually-hidden">: {goal.title}</span>
        </button>
        <button
          ref={downButton}
          type="button"
          className="button secondary small"
          aria-disabled={isLast}
          onClick={() => move(1)}
        >
          {t("plan.moveDown")}
          <span className="visually-hidden">: {goal.title}</span>
        </button>
        <button
          type="button"
          className="button danger small"
          onClick={() => actions.deleteGoal(goal)}
        >
          {t("plan.deleteGoal")}
        </button>
      </div>
    </div>
  );
}
