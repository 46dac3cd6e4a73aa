import { useId, useState } from "react";
import { Link } from "wouter";
import type { LessonEntry } from "../../../domain/api/lessons";
import type { LessonId } from "../../../domain/lessons/catalog";
import { type LessonTitles, loadLessonTitles } from "../../../domain/lessons/text";
import { ApiError } from "../../api";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { FormAlert } from "../../components/FormAlert";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { careApi } from "../care/api";
import { newIdempotencyKey } from "../daily/api";
import { lessonsApi } from "./api";

/**
 * /caseload/:memberId/lessons, for a clinician the member shares lessons with: where the
 * member is in each lesson (a read the member sees in their access log) and "Assign".
 */
export function AssignLessonsScreen({ memberId }: { memberId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { state, reload } = useLoad(
    () =>
      Promise.all([
        lessonsApi(memberId).list(),
        loadLessonTitles(i18n.locale),
        careApi.listConsents(),
      ]),
    [memberId, i18n.locale],
  );
  const ended =
    state.status === "failed" &&
    state.error instanceof ApiError &&
    (state.error.status === 403 || state.error.status === 404);
  const name =
    state.status === "loaded"
      ? state.value[2].received.find((consent) => consent.member.id === memberId)?.member
          .displayName
      : undefined;
  return (
    <div className="stack lessons">
      <ScreenHeading titleKey="lessons.assign.title" />
      <p>
        <Link href={`/caseload/${encodeURIComponent(memberId)}`}>{t("lessons.assign.back")}</Link>
      </p>
      {state.status === "loading" && <Loading />}
      {ended && (
        <p className="alert" role="alert">
          {t("lessons.assign.ended")}
        </p>
      )}
      {state.status === "failed" && !ended && (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      )}
      {state.status === "loaded" && (
        <AssignList
          memberId={memberId}
          memberName={name ?? t("care.caseload.unnamed")}
          initial={state.value[0].lessons}
          titles={state.value[1]}
        />
      )}
    </div>
  );
}

function AssignList(props: {
  memberId: string;
  memberName: string;
  initial: LessonEntry[];
  titles: LessonTitles;
}) {
  const { memberId, memberName, initial, titles } = props;
  const i18n = useI18n();
  const { t } = i18n;
  const listId = useId();
  const [lessons, setLessons] = useState(initial);
  const [busy, setBusy] = useState<LessonId | null>(null);
  const [sent, setSent] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  /** Assigns a lesson or takes its assignment back, then says so in the status line. */
  async function change(lessonId: LessonId, assign: boolean) {
    if (busy) return;
    setBusy(lessonId);
    setError(undefined);
    setSent(undefined);
    try {
      const api = lessonsApi(memberId);
      const assignment = assign
        ? await api.assign(lessonId, newIdempotencyKey())
        : await api.withdrawAssignment(lessonId).then(() => null);
      setLessons((current) =>
        current.map((entry) =>
          entry.lessonId === lessonId
            ? { ...entry, assignment: assignment && { by: assignment.by, at: assignment.at } }
            : entry,
        ),
      );
      const title = titles[lessonId].title;
      setSent(t(assign ? "lessons.assign.sent" : "lessons.assign.withdrawn", { title }));
    } catch (caught) {
      setError(describeError(caught, i18n).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="stack" aria-labelledby={listId}>
      <p className="lead" id={listId}>
        {t("lessons.assign.intro", { name: memberName })}
      </p>
      <FormAlert message={error} />
      <p role="status" className="hint">
        {sent}
      </p>
      <ul className="lesson-list">
        {lessons.map((entry) => (
          <li key={entry.lessonId} className="card lesson-card">
            <span className="lesson-card-head">
              <strong>{titles[entry.lessonId].title}</strong>
              <span className={`badge lesson-status ${entry.status}`}>
                {t(`lessons.status.${entry.status}`)}
              </span>
            </span>
            {entry.assignment ? (
              <span className="lesson-card-head">
                <span className="hint">{t("lessons.assign.assigned")}</span>
                <button
                  type="button"
                  className="button secondary"
                  disabled={busy !== null}
                  aria-label={t("lessons.assign.withdrawLabel", {
                    title: titles[entry.lessonId].title,
                  })}
                  onClick={() => change(entry.lessonId, false)}
                >
                  {t("lessons.assign.withdraw")}
                </button>
              </span>
            ) : (
              <button
                type="button"
                className="button secondary"
                disabled={busy !== null}
                aria-label={t("lessons.assign.buttonLabel", {
                  title: titles[entry.lessonId].title,
                })}
                onClick={() => change(entry.lessonId, true)}
              >
                {t("lessons.assign.button")}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
