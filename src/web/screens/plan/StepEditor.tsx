import { type FormEvent, useId, useState } from "react";
import type { PlanGoalWithSteps, PlanStep, UpdateStepBody } from "../../../domain/api/plan";
import { stepStatusSchema } from "../../../domain/plan";
import { useI18n } from "../../i18n/context";
import type { MessageKey } from "../../i18n/translate";
import { MoveDeleteRow, SaveCancel, TitleField } from "./editor-parts";
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
        <TitleField
          fieldId={fieldId}
          labelKey="plan.stepTitle"
          value={title}
          error={titleError}
          onChange={(value) => {
            setTitle(value);
            setTitleError(undefined);
          }}
        />
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
        <SaveCancel onCancel={onClose} />
      </form>
      <MoveDeleteRow
        itemTitle={step.title}
        isFirst={index === 0}
        isLast={index === goal.steps.length - 1}
        deleteKey="plan.deleteStep"
        onMove={(direction) => actions.moveStep(goal, step, direction)}
        onDelete={() => actions.deleteStep(step)}
      />
    </div>
  );
}
