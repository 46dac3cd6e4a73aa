import { Link } from "wouter";
import type { LessonEntry } from "../../../domain/api/lessons";
import { useI18n } from "../../i18n/context";

/** One lesson in the list: its title, what it is about, where the member is, who suggested it. */
export function LessonCard({
  entry,
  title,
  summary,
}: {
  entry: LessonEntry;
  title: string;
  summary: string;
}) {
  const { t } = useI18n();
  return (
    <li>
      <Link href={`/lessons/${entry.lessonId}`} className="card lesson-card">
        <span className="lesson-card-head">
          <strong>{title}</strong>
          <span className={`badge lesson-status ${entry.status}`}>
            {t(`lessons.status.${entry.status}`)}
          </span>
        </span>
        <span>{summary}</span>
        {entry.assignment && (
          <span className="hint">
            {t("lessons.assignedBy", {
              name: entry.assignment.by.displayName ?? t("lessons.careTeam"),
            })}
          </span>
        )}
      </Link>
    </li>
  );
}
