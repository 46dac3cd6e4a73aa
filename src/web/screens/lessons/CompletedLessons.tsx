import { useId } from "react";
import { Link } from "wouter";
import { compareIso } from "../../../domain/iso-order";
import { loadLessonTitles } from "../../../domain/lessons/text";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { formatInstantDay } from "../../i18n/dates";
import { lessonsApi } from "./api";

/** On Progress: the lessons the member finished, newest first, or where to start. */
export function CompletedLessons({ memberId }: { memberId: string }) {
  const { t, locale } = useI18n();
  const id = useId();
  const { state } = useLoad(
    () => Promise.all([lessonsApi(memberId).list(), loadLessonTitles(locale)]),
    [memberId, locale],
  );
  // Progress has its own loading and error states; this section simply waits for its data.
  if (state.status !== "loaded") return null;
  const [list, titles] = state.value;
  const done = list.lessons
    .filter((entry) => entry.completedAt !== null)
    .sort((a, b) => compareIso(b.completedAt ?? "", a.completedAt ?? ""));
  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{t("lessons.progress.title")}</h2>
      {done.length === 0 ? (
        <p>{t("lessons.progress.none")}</p>
      ) : (
        <ul className="lesson-done-list">
          {done.map((entry) => (
            <li key={entry.lessonId}>
              <Link href={`/lessons/${entry.lessonId}`}>{titles[entry.lessonId].title}</Link>{" "}
              <span className="hint">
                {t("lessons.progress.doneOn", {
                  day: formatInstantDay(entry.completedAt ?? "", locale),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Link href="/lessons" className="button secondary">
        {t("lessons.progress.browse")}
      </Link>
    </section>
  );
}
