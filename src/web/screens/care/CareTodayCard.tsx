import { lazy, Suspense, useId } from "react";
import { Link } from "wouter";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { useToday } from "../today/today-data";
import { isClinician, isMember } from "./roles";

// A clinician's caseload is not in Today's answer (each member listed is an audited read of
// someone else's data): its card and client load on their own, after Today has drawn.
const CaseloadTodayCard = lazy(() =>
  import("./CaseloadTodayCard").then((module) => ({ default: module.CaseloadTodayCard })),
);

const WEEK_MS = 7 * 86_400_000;

/** On Today: for clinicians, who needs attention; for members, news from their care team. */
export function CareTodayCard() {
  const me = useMe();
  if (isClinician(me)) {
    return (
      <Suspense fallback={null}>
        <CaseloadTodayCard />
      </Suspense>
    );
  }
  if (isMember(me)) return <CareTeamCard />;
  return null;
}

function CareTeamCard() {
  const { t, tCount } = useI18n();
  const id = useId();
  const { state } = useToday();
  if (state.status !== "loaded") return null;
  const now = Date.now();
  const notes = state.value.clinicalNotes.notes.filter(
    (note) => now - new Date(note.createdAt).getTime() < WEEK_MS,
  ).length;
  const suggestions = state.value.planSuggestions.suggestions.filter(
    (suggestion) => suggestion.status === "pending",
  ).length;
  if (notes === 0 && suggestions === 0) return null;
  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{t("care.today.teamTitle")}</h2>
      {suggestions > 0 && <p>{tCount("care.today.suggestions", suggestions)}</p>}
      {notes > 0 && <p>{tCount("care.today.notes", notes)}</p>}
      <Link href="/care-team" className="button secondary">
        {t("care.today.read")}
      </Link>
    </section>
  );
}
