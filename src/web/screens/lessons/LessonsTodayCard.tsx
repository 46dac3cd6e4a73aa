import { useId } from "react";
import { Link } from "wouter";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { isMember } from "../care/roles";
import { useToday } from "../today/today-data";

/** On Today, for members: lessons the care team suggested, or one left halfway. */
export function LessonsTodayCard() {
  const me = useMe();
  if (!isMember(me)) return null;
  return <LessonsCard />;
}

function LessonsCard() {
  const { t, tCount } = useI18n();
  const id = useId();
  const { state } = useToday();
  if (state.status !== "loaded") return null;
  const open = state.value.lessons.lessons.filter((entry) => entry.status !== "done");
  const assigned = open.filter((entry) => entry.assignment !== null).length;
  const started = open.filter((entry) => entry.status === "in_progress").length;
  if (assigned === 0 && started === 0) return null;
  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{t("lessons.today.title")}</h2>
      {assigned > 0 && <p>{tCount("lessons.today.assigned", assigned)}</p>}
      {assigned === 0 && <p>{tCount("lessons.today.inProgress", started)}</p>}
      <Link href="/lessons" className="button secondary">
        {t("lessons.today.open")}
      </Link>
    </section>
  );
}
