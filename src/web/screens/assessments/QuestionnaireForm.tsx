import { type FormEvent, useId, useLayoutEffect, useRef, useState } from "react";
import { FormAlert } from "../../components/FormAlert";
import { useI18n } from "../../i18n/context";
import {
  type Answers,
  introOf,
  optionValue,
  type Questionnaire,
  type QuestionnaireItem,
  questionsOf,
} from "./questionnaire";

type Layout = "one" | "list";
const LAYOUT_KEY = "waymark.assessment-layout";

interface FormProps {
  questionnaire: Questionnaire;
  answers: Answers;
  onAnswer: (linkId: string, value: number) => void;
  onSubmit: () => void;
  submitting: boolean;
  error: string | undefined;
  /** The save button's words; "See my result" when the person answers for themself. */
  submitLabel?: string;
}

/**
 * Any instrument, from its Questionnaire: one question at a time (the default on a phone) or
 * all on one page. Each question is a native radio group, so arrows, Tab and screen readers work.
 */
export function QuestionnaireForm(props: FormProps) {
  const { questionnaire, answers, onAnswer, onSubmit, submitting, error, submitLabel } = props;
  const { t } = useI18n();
  const questions = questionsOf(questionnaire);
  const [layout, setLayoutState] = useState<Layout>(() =>
    localStorage.getItem(LAYOUT_KEY) === "list" ? "list" : "one",
  );
  const firstUnanswered = questions.findIndex((item) => answers[item.linkId] === undefined);
  const [index, setIndex] = useState(firstUnanswered === -1 ? 0 : firstUnanswered);
  const questionRef = useRef<HTMLFieldSetElement>(null);
  const moved = useRef(false);
  const answeredCount = questions.filter((item) => answers[item.linkId] !== undefined).length;

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the shown question changes.
  useLayoutEffect(() => {
    // After Back or Next, the new question takes focus so a screen reader reads it out.
    if (moved.current) questionRef.current?.focus();
  }, [index]);

  const setLayout = (next: Layout) => {
    setLayoutState(next);
    localStorage.setItem(LAYOUT_KEY, next);
  };
  const go = (next: number) => {
    moved.current = true;
    setIndex(Math.max(0, Math.min(questions.length - 1, next)));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const current = questions[index];
  const isLast = index === questions.length - 1;

  return (
    <form className="stack questionnaire" onSubmit={submit} noValidate>
      {introOf(questionnaire).map((item) => (
        <p key={item.linkId} className="lead">
          {item.text}
        </p>
      ))}
      <fieldset className="layout-toggle">
        <legend className="visually-hidden">{t("assessments.layout")}</legend>
        <button
          type="button"
          className="button secondary small"
          aria-pressed={layout === "one"}
          onClick={() => setLayout("one")}
        >
          {t("assessments.layoutOne")}
        </button>
        <button
          type="button"
          className="button secondary small"
          aria-pressed={layout === "list"}
          onClick={() => setLayout("list")}
        >
          {t("assessments.layoutList")}
        </button>
      </fieldset>

      {layout === "one" && current ? (
        <>
          <p className="hint" aria-live="polite">
            {t("assessments.progress", { n: index + 1, total: questions.length })}
          </p>
          <Question
            key={current.linkId}
            item={current}
            value={answers[current.linkId]}
            onAnswer={onAnswer}
            fieldsetRef={questionRef}
          />
          <div className="actions-row">
            <button
              type="button"
              className="button secondary"
              disabled={index === 0}
              onClick={() => go(index - 1)}
            >
              {t("assessments.back")}
            </button>
            {!isLast && (
              <button type="button" className="button primary" onClick={() => go(index + 1)}>
                {t("assessments.next")}
              </button>
            )}
          </div>
        </>
      ) : (
        <ol className="question-list">
          {questions.map((item) => (
            <li key={item.linkId}>
              <Question item={item} value={answers[item.linkId]} onAnswer={onAnswer} />
            </li>
          ))}
        </ol>
      )}

      {(layout === "list" || isLast) && (
        <>
          <p className="hint">
            {t("assessments.answered", { n: answeredCount, total: questions.length })}
          </p>
          <FormAlert message={error} />
          <button
            type="submit"
            className="button primary"
            disabled={submitting || answeredCount === 0}
          >
            {submitting ? t("assessments.saving") : (submitLabel ?? t("assessments.submit"))}
          </button>
        </>
      )}
    </form>
  );
}

function Question({
  item,
  value,
  onAnswer,
  fieldsetRef,
}: {
  item: QuestionnaireItem;
  value: number | undefined;
  onAnswer: (linkId: string, value: number) => void;
  fieldsetRef?: React.Ref<HTMLFieldSetElement>;
}) {
  const name = useId();
  return (
    <fieldset className="question" ref={fieldsetRef} tabIndex={-1}>
      <legend>{item.text}</legend>
      <div className="question-options">
        {(item.answerOption ?? []).map((option) => {
          const optionCode = optionValue(option.valueCoding.code);
          return (
            <label key={option.valueCoding.code} className="pill wide">
              <input
                type="radio"
                name={name}
                checked={value === optionCode}
                onChange={() => onAnswer(item.linkId, optionCode)}
              />
              <span>{option.valueCoding.display}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
