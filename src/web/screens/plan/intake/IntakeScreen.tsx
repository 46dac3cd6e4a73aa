import { type FormEvent, useCallback, useId, useRef, useState } from "react";
import { useLocation } from "wouter";
import { ApiError } from "../../../api";
import { FormAlert } from "../../../components/FormAlert";
import { ScreenHeading } from "../../../components/ScreenHeading";
import { useFormSubmit } from "../../../components/use-form-submit";
import { useI18n } from "../../../i18n/context";
import type { MessageKey } from "../../../i18n/translate";
import { useMe } from "../../../session";
import { memberToday } from "../../daily/member-today";
import { usePlanApi } from "../use-plan-api";
import { IntakeQuestion } from "./IntakeQuestion";
import {
  EMPTY_DRAFT,
  type IntakeDraft,
  parseAmount,
  QUESTIONS,
  questionForField,
  skipAnswer,
  toIntakeBody,
} from "./intake-draft";

/**
 * About ten questions, one per screen, each skippable; the answers become a starter plan.
 * Going back keeps every answer; nothing is sent until the last screen.
 */
export function IntakeScreen() {
  const { t } = useI18n();
  const me = useMe();
  const api = usePlanApi();
  const [, navigate] = useLocation();
  const [draft, setDraft] = useState<IntakeDraft>(EMPTY_DRAFT);
  const [index, setIndex] = useState(0);
  const [fieldError, setFieldError] = useState<string>();
  // A problem with one answer stays beside its question (fieldError); the form says the rest.
  const form = useFormSubmit([]);
  const { isSubmitting } = form;
  const headingId = useId();
  const moved = useRef(false);
  const today = memberToday(me);
  const question = QUESTIONS[index] ?? "stage";
  const isLast = index === QUESTIONS.length - 1;

  // A new question is announced by moving focus to it (not on the first screen): the heading
  // is keyed by question, so each one mounts afresh and this runs once for it.
  const focusQuestion = useCallback((heading: HTMLHeadingElement | null) => {
    if (heading && moved.current) heading.focus();
  }, []);

  function goTo(next: number) {
    moved.current = true;
    setFieldError(undefined);
    form.setError(null);
    setIndex(Math.max(0, Math.min(QUESTIONS.length - 1, next)));
  }

  function problemWith(current: IntakeDraft): string | undefined {
    if (question === "recoveryStart" && current.recoveryStart > today) {
      return t("intake.recoveryStartFuture");
    }
    if (question === "costPerDay" && current.costPerDay.trim() !== "") {
      const amount = parseAmount(current.costPerDay);
      if (amount === null || amount > 100_000) return t("intake.costInvalid");
    }
    return undefined;
  }

  function advance(current: IntakeDraft) {
    const problem = problemWith(current);
    if (problem) {
      setFieldError(problem);
      return;
    }
    if (!isLast) {
      goTo(index + 1);
      return;
    }
    void form.send(async () => {
      try {
        await api.submitIntake(toIntakeBody(current));
      } catch (error) {
        // An answer the server would not take: back to its question, every answer kept.
        const back = error instanceof ApiError ? questionForField(error.field) : null;
        if (!back) throw error;
        goTo(QUESTIONS.indexOf(back));
        setFieldError(t("intake.checkAnswer"));
        return;
      }
      navigate("~/plan");
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isSubmitting) advance(draft);
  }

  function skip() {
    const skipped = skipAnswer(draft, question);
    setDraft(skipped);
    if (!isSubmitting) advance(skipped);
  }

  return (
    <div className="stack intake">
      <ScreenHeading titleKey="intake.title" />
      {index === 0 && <p className="lead">{t("intake.intro")}</p>}
      <div className="intake-progress">
        <p>{t("intake.progress", { number: index + 1, total: QUESTIONS.length })}</p>
        <progress max={QUESTIONS.length} value={index + 1} aria-hidden="true" />
      </div>
      <form className="stack" noValidate onSubmit={submit} aria-busy={isSubmitting}>
        <h2 key={question} id={headingId} ref={focusQuestion} tabIndex={-1}>
          {t(`intake.q.${question}` as MessageKey)}
        </h2>
        <p className="hint">{t(`intake.q.${question}.hint` as MessageKey)}</p>
        <IntakeQuestion
          question={question}
          draft={draft}
          onChange={(next) => {
            setDraft(next);
            setFieldError(undefined);
          }}
          labelId={headingId}
          today={today}
          error={fieldError}
        />
        <FormAlert message={form.formError} />
        <div className="intake-nav">
          <button type="submit" className="button primary" disabled={isSubmitting}>
            {isLast ? (isSubmitting ? t("intake.making") : t("intake.finish")) : t("intake.next")}
          </button>
          <button type="button" className="button secondary" onClick={skip} disabled={isSubmitting}>
            {isLast ? t("intake.skipAndFinish") : t("intake.skip")}
          </button>
          {index > 0 && (
            <button
              type="button"
              className="button link"
              onClick={() => goTo(index - 1)}
              disabled={isSubmitting}
            >
              {t("intake.back")}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
