import { Link } from "wouter";
import { findLesson, type LessonDefinition } from "../../../domain/lessons/catalog";
import { loadLessonText, loadLessonTitles } from "../../../domain/lessons/text";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { lessonsApi } from "./api";
import { LessonPlayer } from "./LessonPlayer";

/** /lessons/:lessonId: one lesson, opened where the member left it. */
export function LessonScreen({ lessonId }: { lessonId: string }) {
  const lesson = findLesson(lessonId);
  if (!lesson) return <MissingLesson />;
  return <LoadedLesson lesson={lesson} />;
}

function MissingLesson() {
  const { t } = useI18n();
  return (
    <div className="stack lessons">
      <ScreenHeading titleKey="lessons.title" />
      <p role="alert">{t("lessons.notFound")}</p>
      <Link href="/lessons">{t("lessons.back")}</Link>
    </div>
  );
}

function LoadedLesson({ lesson }: { lesson: LessonDefinition }) {
  const i18n = useI18n();
  const me = useMe();
  // The lesson's words load now, one file for this lesson in this language.
  const { state, reload } = useLoad(
    () =>
      Promise.all([
        loadLessonText(lesson.id, i18n.locale),
        loadLessonTitles(i18n.locale),
        lessonsApi(me.id).list(),
      ]),
    [lesson.id, i18n.locale, me.id],
  );
  const entry =
    state.status === "loaded"
      ? state.value[2].lessons.find((candidate) => candidate.lessonId === lesson.id)
      : undefined;
  const title = state.status === "loaded" ? state.value[1][lesson.id].title : undefined;
  return (
    <div className="stack lessons">
      <ScreenHeading titleKey="lessons.title">{title ?? i18n.t("lessons.title")}</ScreenHeading>
      <p>
        <Link href="/lessons">{i18n.t("lessons.back")}</Link>
      </p>
      {state.status === "loading" && <Loading />}
      {state.status === "failed" && (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      )}
      {state.status === "loaded" && entry && (
        <LessonPlayer lesson={lesson} text={state.value[0]} initial={entry} memberId={me.id} />
      )}
    </div>
  );
}
