import { type FormEvent, useId, useLayoutEffect, useRef, useState } from "react";
import type { LessonEntry } from "../../../domain/api/lessons";
import type { LessonDefinition, OptionKey } from "../../../domain/lessons/catalog";
import type { LessonText } from "../../../domain/lessons/text";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { useI18n } from "../../i18n/context";
import { newIdempotencyKey } from "../daily/api";
import { lessonsApi } from "./api";

/**
 * The one question that checks understanding. Every answer gets feedback that explains it
 * (a wrong one kindly, with the reason), and a wrong answer can simply be tried again.
 */
export function LessonQuestion({
  lesson,
  question,
  memberId,
  onAnswered,
}: {
  lesson: LessonDefinition;
  question: LessonText["question"];
  memberId: string;
  onAnswered: (entry: LessonEntry) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [selected, setSelected] = useState<OptionKey | null>(null);
  const [result, setResult] = useState<{ option: OptionKey; correct: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const firstOption = useRef<HTMLInputElement>(null);
  const [retries, setRetries] = useState(0);
  // The options are enabled again only after the render, so focus moves to them then.
  useLayoutEffect(() => {
    if (retries > 0) firstOption.current?.focus();
  }, [retries]);

  async function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!selected) {
      setError(t("lessons.question.choose"));
      firstOption.current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const answered = await lessonsApi(memberId).answer(lesson.id, selected, newIdempotencyKey());
      setResult({ option: selected, correct: answered.correct });
      onAnswered(answered.lesson);
    } catch (caught) {
      setError(describeError(caught, i18n).message);
    } finally {
      setBusy(false);
    }
  }

  function tryAgain() {
    setResult(null);
    setSelected(null);
    setRetries((count) => count + 1);
  }

  const feedback = result ? question.options[result.option]?.feedback : undefined;
  return (
    <form className="stack" noValidate onSubmit={check} aria-busy={busy}>
      <fieldset className="stack tight" disabled={result !== null}>
        <legend>{question.prompt}</legend>
        {lesson.options.map((option, index) => (
          <label key={option.key} className="choice">
            <input
              ref={index === 0 ? firstOption : undefined}
              type="radio"
              name={id}
              checked={selected === option.key}
              onChange={() => setSelected(option.key)}
            />
            <span>{question.options[option.key]?.text}</span>
          </label>
        ))}
      </fieldset>
      <FormAlert message={error} />
      {/* Announced when it appears: the result and why, in a few kind words. */}
      <div aria-live="polite" className="lesson-feedback-region">
        {result && (
          <div className={`lesson-feedback ${result.correct ? "right" : "not-yet"}`}>
            <p>
              <strong>
                {result.correct ? t("lessons.question.right") : t("lessons.question.notQuite")}
              </strong>
            </p>
            <p>{feedback}</p>
          </div>
        )}
      </div>
      {result === null && (
        <button type="submit" className="button primary" disabled={busy}>
          {t("lessons.question.check")}
        </button>
      )}
      {result !== null && !result.correct && (
        <button type="button" className="button secondary" onClick={tryAgain}>
          {t("lessons.question.tryAgain")}
        </button>
      )}
    </form>
  );
}
