import { type FormEvent, useId, useState } from "react";
import type { PlanGoalWithSteps } from "../../../domain/api/plan";
import { type GoalStatus, goalStatusSchema } from "../../../domain/plan";
import { useI18n } from "../../i18n/context";
import type { MessageKey } from "../../i18n/translate";
import { MoveDeleteRow, SaveCancel, TitleField } from "./editor-parts";
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
        <TitleField
          fieldId={fieldId}
          labelKey="plan.goalTitle"
          value={title}
          error={titleError}
          onChange={(value) => {
            setTitle(value);
            setTitleError(undefined);
          }}
        />
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
        <SaveCancel onCancel={onClose} />
      </form>
      <MoveDeleteRow
        itemTitle={goal.title}
        isFirst={index === 0}
        isLast={index === goals.length - 1}
        deleteKey="plan.deleteGoal"
        onMove={(direction) => actions.moveGoal(goals, goal, direction)}
        onDelete={() => actions.deleteGoal(goal)}
      />
    </div>
  );
}
