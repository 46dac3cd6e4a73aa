import { type FormEvent, useId, useRef, useState } from "react";
import type { MemberSummary } from "../../../../domain/api/care";
import { FormAlert } from "../../../components/FormAlert";
import { TextField } from "../../../components/TextField";
import { useFormSubmit } from "../../../components/use-form-submit";
import { useI18n } from "../../../i18n/context";
import { careApi, idempotencyKey } from "../api";

type Plan = NonNullable<MemberSummary["plan"]>;
const fields = ["goalId", "title", "note"] as const;

/**
 * A clinician suggests a step under one of the member's goals. It goes into the plan only
 * when the member accepts it (on their "From your care team" screen).
 */
export function SuggestStepForm({
  memberId,
  memberName,
  plan,
}: {
  memberId: string;
  memberName: string;
  plan: Plan;
}) {
  const { t } = useI18n();
  const id = useId();
  const form = useFormSubmit(fields);
  const [goalId, setGoalId] = useState("");
  const [title, setTitle] = useState("");
  const [note, setNote] = useState("");
  const [sent, setSent] = useState<string | null>(null);
  // One key per suggestion: sending again after a lost answer is the same suggestion.
  const key = useRef(idempotencyKey());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (form.isSubmitting) return;
    setSent(null);
    void form.send(async () => {
      const trimmedNote = note.trim();
      const suggestion = await careApi.suggest(
        memberId,
        { goalId, title, ...(trimmedNote ? { note: trimmedNote } : {}) },
        key.current,
      );
      key.current = idempotencyKey();
      setTitle("");
      setNote("");
      setSent(t("care.suggest.sent", { title: suggestion.title, name: memberName }));
    });
  }

  const goalError = form.fieldError("goalId");
  const noteError = form.fieldError("note");
  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{t("care.suggest.title")}</h2>
      {plan.goals.length === 0 ? (
        <p>{t("care.suggest.noGoals")}</p>
      ) : (
        <form className="stack" noValidate onSubmit={submit} aria-busy={form.isSubmitting}>
          <p className="hint">{t("care.suggest.intro", { name: memberName })}</p>
          <FormAlert message={form.formError} />
          <div className="field">
            <label htmlFor={`${id}-goal`}>{t("care.suggest.goal")}</label>
            <select
              id={`${id}-goal`}
              ref={form.register("goalId")}
              value={goalId}
              onChange={(event) => setGoalId(event.target.value)}
              aria-invalid={goalError ? true : undefined}
              aria-describedby={goalError ? `${id}-goal-error` : undefined}
            >
              <option value="">{t("care.suggest.chooseGoal")}</option>
              {plan.goals.map((goal) => (
                <option key={goal.id} value={goal.id}>
                  {goal.title}
                </option>
              ))}
            </select>
            {goalError && (
              <p className="field-error" id={`${id}-goal-error`} role="alert">
                {goalError}
              </p>
            )}
          </div>
          <TextField
            label={t("care.suggest.stepTitle")}
            hint={t("care.suggest.stepTitleHint")}
            value={title}
            maxLength={200}
            onChange={(event) => setTitle(event.target.value)}
            inputRef={form.register("title")}
            error={form.fieldError("title")}
          />
          <div className="field">
            <label htmlFor={`${id}-note`}>{t("care.suggest.note")}</label>
            <textarea
              id={`${id}-note`}
              ref={form.register("note")}
              rows={3}
              maxLength={2000}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              aria-invalid={noteError ? true : undefined}
              aria-describedby={noteError ? `${id}-note-error` : undefined}
            />
            {noteError && (
              <p className="field-error" id={`${id}-note-error`} role="alert">
                {noteError}
              </p>
            )}
          </div>
          <button type="submit" className="button primary" disabled={form.isSubmitting}>
            {form.isSubmitting ? t("care.suggest.sending") : t("care.suggest.send")}
          </button>
        </form>
      )}
      <div role="status">{sent && <p className="care-done">{sent}</p>}</div>
    </section>
  );
}
