import { useId } from "react";
import type { LessonEntry } from "../../../domain/api/lessons";
import type { LessonTitles } from "../../../domain/lessons/text";
import { loadLessonTitles } from "../../../domain/lessons/text";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { lessonsApi } from "./api";
import { LessonCard } from "./LessonCard";

/** /lessons: what the care team suggested first, then every lesson, each with where you are. */
export function LessonsScreen() {
  const i18n = useI18n();
  const me = useMe();
  const { state, reload } = useLoad(
    () => Promise.all([lessonsApi(me.id).list(), loadLessonTitles(i18n.locale)]),
    [me.id, i18n.locale],
  );
  return (
    <div className="stack lessons">
      <ScreenHeading titleKey="lessons.title" />
      <p className="lead">{i18n.t("lessons.intro")}</p>
      {state.status === "loading" && <Loading />}
      {state.status === "failed" && (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      )}
      {state.status === "loaded" && (
        <LessonSections lessons={state.value[0].lessons} titles={state.value[1]} />
      )}
    </div>
  );
}

function LessonSections({ lessons, titles }: { lessons: LessonEntry[]; titles: LessonTitles }) {
  const { t } = useI18n();
  const assignedId = useId();
  const allId = useId();
  const assigned = lessons.filter((entry) => entry.assignment !== null);
  const others = lessons.filter((entry) => entry.assignment === null);
  const card = (entry: LessonEntry) => (
    <LessonCard key={entry.lessonId} entry={entry} {...titles[entry.lessonId]} />
  );
  return (
    <>
      {assigned.length > 0 && (
        <section className="stack" aria-labelledby={assignedId}>
          <h2 id={assignedId}>{t("lessons.fromCareTeam")}</h2>
          <ul className="lesson-list">{assigned.map(card)}</ul>
        </section>
      )}
      <section className="stack" aria-labelledby={allId}>
        <h2 id={allId}>{t("lessons.all")}</h2>
        <ul className="lesson-list">{others.map(card)}</ul>
      </section>
    </>
  );
}
