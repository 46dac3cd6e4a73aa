import { useLayoutEffect, useRef, useState } from "react";
import { Link } from "wouter";
import type { LessonEntry } from "../../../domain/api/lessons";
import type { LessonDefinition } from "../../../domain/lessons/catalog";
import { lastPosition, questionPosition } from "../../../domain/lessons/engine";
import type { LessonText } from "../../../domain/lessons/text";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { useI18n } from "../../i18n/context";
import { newIdempotencyKey } from "../daily/api";
import { lessonsApi } from "./api";
import { LessonQuestion } from "./LessonQuestion";
import { LessonTryIt } from "./LessonTryIt";

interface PlayerProps {
  lesson: LessonDefinition;
  text: LessonText;
  initial: LessonEntry;
  memberId: string;
}

/**
 * The steps of one lesson: reading screens, the question, "try it this week", then done. Each
 * move is saved, so the member comes back to the same step; a finished lesson opens at the start.
 */
export function LessonPlayer({ lesson, text, initial, memberId }: PlayerProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const api = lessonsApi(memberId);
  const [entry, setEntry] = useState(initial);
  const [position, setPosition] = useState(initial.status === "done" ? 0 : initial.position);
  const [finished, setFinished] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  // One key per tap of "Finish": a retry after a lost answer is the same completion.
  const finishKey = useRef(newIdempotencyKey());
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // After a move, the new step's heading takes focus so a screen reader announces it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each move on purpose.
  useLayoutEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = true;
  }, [position, finished]);

  async function act(work: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      setError(describeError(caught, i18n).message);
    } finally {
      setBusy(false);
    }
  }

  const goTo = (to: number) =>
    act(async () => {
      setEntry(await api.savePosition(lesson.id, to));
      setPosition(to);
    });

  const finish = () =>
    act(async () => {
      setEntry(await api.complete(lesson.id, finishKey.current));
      setFinished(true);
    });

  if (finished) {
    return (
      <section className="card stack lesson-step" aria-labelledby="lesson-step-heading">
        <h2 id="lesson-step-heading" ref={heading} tabIndex={-1}>
          {t("lessons.done.title")}
        </h2>
        <p>{t("lessons.done.body")}</p>
        <Link href="/progress" className="button primary">
          {t("lessons.done.progress")}
        </Link>
        <Link href="/lessons" className="button secondary">
          {t("lessons.back")}
        </Link>
      </section>
    );
  }

  const total = lastPosition(lesson) + 1;
  const screen = text.screens[position];
  const stepHeading =
    screen?.heading ??
    (position === questionPosition(lesson)
      ? t("lessons.question.title")
      : t("lessons.tryIt.title"));
  return (
    <section
      className="card stack lesson-step"
      aria-labelledby="lesson-step-heading"
      aria-busy={busy}
    >
      <p className="hint">{t("lessons.stepOf", { current: position + 1, total })}</p>
      <h2 id="lesson-step-heading" ref={heading} tabIndex={-1}>
        {stepHeading}
      </h2>
      <FormAlert message={error} />
      {screen && (
        <>
          {screen.paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
          <StepButtons
            onBack={position > 0 ? () => goTo(position - 1) : undefined}
            onNext={() => goTo(position + 1)}
            busy={busy}
          />
        </>
      )}
      {position === questionPosition(lesson) && (
        <>
          <LessonQuestion
            lesson={lesson}
            question={text.question}
            memberId={memberId}
            onAnswered={setEntry}
          />
          <StepButtons
            onBack={() => goTo(position - 1)}
            onNext={entry.answeredCorrectly ? () => goTo(position + 1) : undefined}
            busy={busy}
          />
        </>
      )}
      {position === lastPosition(lesson) && (
        <>
          <LessonTryIt
            lesson={lesson}
            tryIt={text.tryIt}
            memberId={memberId}
            entry={entry}
            onAdded={setEntry}
          />
          <div className="lesson-buttons">
            <button
              type="button"
              className="button secondary"
              onClick={() => goTo(position - 1)}
              disabled={busy}
            >
              {t("lessons.previous")}
            </button>
            <button type="button" className="button primary" onClick={finish} disabled={busy}>
              {t("lessons.finish")}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function StepButtons({
  onBack,
  onNext,
  busy,
}: {
  onBack: (() => void) | undefined;
  onNext: (() => void) | undefined;
  busy: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="lesson-buttons">
      {onBack && (
        <button type="button" className="button secondary" onClick={onBack} disabled={busy}>
          {t("lessons.previous")}
        </button>
      )}
      {onNext && (
        <button type="button" className="button primary" onClick={onNext} disabled={busy}>
          {t("lessons.next")}
        </button>
      )}
    </div>
  );
}
