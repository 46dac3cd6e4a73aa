import { type FormEvent, useId, useRef, useState } from "react";
import { Link } from "wouter";
import type { LessonEntry } from "../../../domain/api/lessons";
import type { Plan } from "../../../domain/api/plan";
import type { LessonDefinition } from "../../../domain/lessons/catalog";
import type { LessonText } from "../../../domain/lessons/text";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { Loading } from "../../components/Loading";
import { TextField } from "../../components/TextField";
import { useFormError } from "../../components/use-form-error";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { newIdempotencyKey } from "../daily/api";
import { planApi } from "../plan/api";
import { domainName } from "../plan/plan-words";
import { lessonsApi } from "./api";

const fields = ["goalId", "title"] as const;

/**
 * "Try it this week": one small step the member may add to their plan, in their own words,
 * under a goal they choose (the lesson's life area first). The server makes it through the
 * plan's own step creation, so it shows in the plan's history and can be undone there.
 */
export function LessonTryIt({
  lesson,
  tryIt,
  memberId,
  entry,
  onAdded,
}: {
  lesson: LessonDefinition;
  tryIt: LessonText["tryIt"];
  memberId: string;
  entry: LessonEntry;
  onAdded: (entry: LessonEntry) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const { state } = useLoad(() => planApi(memberId).getPlan(), [memberId]);
  return (
    <div className="stack">
      <p className="lesson-try-it">
        <strong>{tryIt.title}</strong>
      </p>
      <p>{tryIt.detail}</p>
      <p className="hint">{t("lessons.tryIt.optional")}</p>
      {entry.planStepId ? (
        <p role="status">
          {t("lessons.tryIt.added")} <Link href="/plan">{t("lessons.tryIt.openPlan")}</Link>
        </p>
      ) : (
        <>
          {state.status === "loading" && <Loading />}
          {state.status === "loaded" && (
            <AddStepForm
              id={id}
              lesson={lesson}
              plan={state.value}
              defaultTitle={tryIt.title}
              memberId={memberId}
              onAdded={onAdded}
            />
          )}
        </>
      )}
    </div>
  );
}

function AddStepForm(props: {
  id: string;
  lesson: LessonDefinition;
  plan: Plan;
  defaultTitle: string;
  memberId: string;
  onAdded: (entry: LessonEntry) => void;
}) {
  const { id, lesson, plan, defaultTitle, memberId, onAdded } = props;
  const i18n = useI18n();
  const { t } = i18n;
  const form = useFormError(fields);
  const goals = plan.domains.flatMap((group) =>
    group.goals.map((goal) => ({ ...goal, domain: group.domain })),
  );
  const preferred = goals.find((goal) => goal.domain === lesson.planDomain) ?? goals[0];
  const [goalId, setGoalId] = useState(preferred?.id ?? "");
  const [title, setTitle] = useState(defaultTitle);
  const [busy, setBusy] = useState(false);
  // One key per step: tapping again after a lost answer adds it once.
  const key = useRef(newIdempotencyKey());

  if (goals.length === 0) {
    return (
      <p>
        {t("lessons.tryIt.noGoals")} <Link href="/plan">{t("lessons.tryIt.openPlan")}</Link>
      </p>
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    form.setError(null);
    try {
      const added = await lessonsApi(memberId).addStep(lesson.id, { goalId, title }, key.current);
      onAdded(added.lesson);
    } catch (caught) {
      form.setError(describeError(caught, i18n));
    } finally {
      setBusy(false);
    }
  }

  const goalError = form.fieldError("goalId");
  return (
    <form className="stack" noValidate onSubmit={submit} aria-busy={busy}>
      <FormAlert message={form.formError} />
      <div className="field">
        <label htmlFor={`${id}-goal`}>{t("lessons.tryIt.goal")}</label>
        <select
          id={`${id}-goal`}
          ref={form.register("goalId")}
          value={goalId}
          onChange={(event) => setGoalId(event.target.value)}
          aria-invalid={goalError ? true : undefined}
          aria-describedby={goalError ? `${id}-goal-error` : undefined}
        >
          {plan.domains.map((group) => (
            <optgroup key={group.domain} label={domainName(i18n.locale, group.domain)}>
              {group.goals.map((goal) => (
                <option key={goal.id} value={goal.id}>
                  {goal.title}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {goalError && (
          <p className="field-error" id={`${id}-goal-error`} role="alert">
            {goalError}
          </p>
        )}
      </div>
      <TextField
        label={t("lessons.tryIt.step")}
        value={title}
        maxLength={200}
        onChange={(event) => setTitle(event.target.value)}
        inputRef={form.register("title")}
        error={form.fieldError("title")}
      />
      <button type="submit" className="button secondary" disabled={busy}>
        {t("lessons.tryIt.add")}
      </button>
    </form>
  );
}
