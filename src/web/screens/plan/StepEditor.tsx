import { type FormEvent, useId, useRef, useState } from "react";
import type { PlanGoalWithSteps, PlanStep, UpdateStepBody } from "../../../domain/api/plan";
import { stepStatusSchema } from "../../../domain/plan";
import { useI18n } from "../../i18n/context";
import type { MessageKey } from "../../i18n/translate";
import type { usePlanEditor } from "./use-plan-editor";

type Actions = ReturnType<typeof usePlanEditor>["actions"];

/** Status in one tap, the step's details, and moving or deleting it. */
export function StepEditor({
  id,
  goal,
  step,
  index,
  actions,
  helpers,
  onClose,
}: {
  id: string;
  goal: PlanGoalWithSteps;
  step: PlanStep;
  index: number;
  actions: Actions;
  helpers: string[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState(step.title);
  const [dueDate, setDueDate] = useState(step.dueDate ?? "");
  const [helper, setHelper] = useState(step.helper ?? "");
  const [note, setNote] = useState(step.note);
  const [titleError, setTitleError] = useState<string>();
  const fieldId = useId();
  const upButton = useRef<HTMLButtonElement>(null);
  const downButton = useRef<HTMLButtonElement>(null);
  const isFirst = index === 0;
  const isLast = index === goal.steps.length - 1;

  // Moving re-orders the list under the button; focus is put back on it afterwards.
  async function move(direction: -1 | 1) {
    if (direction === -1 ? isFirst : isLast) return;
    await actions.moveStep(goal, step, direction);
    (direction === -1 ? upButton : downButton).current?.focus();
  }

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (title.trim() === "") {
      setTitleError(t("plan.titleRequired"));
      return;
    }
    const patch: UpdateStepBody = {
      title: title.trim(),
      dueDate: dueDate || null,
      helper: helper.trim() || null,
      note: note.trim(),
    };
    void actions.editStep(step, patch);
    onClose();
  }

  return (
    <div className="editor stack" id={id}>
      <fieldset className="stack tight">
        <legend className="editor-label">{t("plan.statusLabel")}</legend>
        <div className="segmented">
          {stepStatusSchema.options.map((status) => (
            <button
              key={status}
              type="button"
              aria-pressed={step.status === status}
              onClick={() => actions.setStepStatus(step, status)}
            >
              {t(`plan.status.${status}` as MessageKey)}
            </button>
          ))}
        </div>
      </fieldset>
      <form className="stack" noValidate onSubmit={save}>
        <label className="field">
          <span>{t("plan.stepTitle")}</span>
          <textarea
            rows={2}
            value={title}
            maxLength={200}
            aria-invalid={titleError ? true : undefined}
            aria-describedby={titleError ? `${fieldId}-title-error` : undefined}
            onChange={(event) => {
              setTitle(event.target.value);
              setTitleError(undefined);
            }}
          />
        </label>
        {titleError && (
          <p className="field-error" id={`${fieldId}-title-error`} role="alert">
            {titleError}
          </p>
        )}
        <label className="field">
          <span>{t("plan.dueDate")}</span>
          <input type="date" value={dueDate} onChange={(event) => setDueDate(event.target.value)} />
        </label>
        <label className="field">
          <span>{t("plan.helper")}</span>
          <input
            value={helper}
            maxLength={120}
            list={`${fieldId}-helpers`}
            autoComplete="off"
            onChange={(event) => setHelper(event.target.value)}
          />
          <datalist id={`${fieldId}-helpers`}>
            {helpers.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </label>
        <label className="field">
          <span>{t("plan.note")}</span>
          <textarea
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </label>
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
          <span className="visually-hidden">: {step.title}</span>
        </button>
        <button
          ref={downButton}
          type="button"
          className="button secondary small"
          aria-disabled={isLast}
          onClick={() => move(1)}
        >
          {t("plan.moveDown")}
          <span className="visually-hidden">: {step.title}</span>
        </button>
        <button
          type="button"
          className="button danger small"
          onClick={() => actions.deleteStep(step)}
        >
          {t("plan.deleteStep")}
        </button>
      </div>
    </div>
  );
}
