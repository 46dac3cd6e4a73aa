import { useId } from "react";
import { Link } from "wouter";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { careApi } from "./api";
import { isClinician, isMember } from "./roles";

const WEEK_MS = 7 * 86_400_000;

/** On Today: for clinicians, who needs attention; for members, news from their care team. */
export function CareTodayCard() {
  const me = useMe();
  if (isClinician(me)) return <CaseloadCard />;
  if (isMember(me)) return <CareTeamCard memberId={me.id} />;
  return null;
}

function CaseloadCard() {
  const { t, tCount } = useI18n();
  const id = useId();
  const { state } = useLoad(() => careApi.caseload(), []);
  if (state.status !== "loaded") return null;
  const count = state.value.members.filter((member) => member.flags.length > 0).length;
  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{t("care.today.caseloadTitle")}</h2>
      <p>{tCount("care.today.attention", count)}</p>
      <Link href="/caseload" className="button secondary">
        {t("care.today.open")}
      </Link>
    </section>
  );
}

function CareTeamCard({ memberId }: { memberId: string }) {
  const { t, tCount } = useI18n();
  const id = useId();
  const { state } = useLoad(
    () =>
      Promise.all([careApi.notes(memberId), careApi.suggestions(memberId)]).then(
        ([notes, suggestions]) => ({
          notes: notes.notes.filter(
            (note) => Date.now() - new Date(note.createdAt).getTime() < WEEK_MS,
          ).length,
          suggestions: suggestions.suggestions.filter((s) => s.status === "pending").length,
        }),
      ),
    [memberId],
  );
  if (state.status !== "loaded") return null;
  const { notes, suggestions } = state.value;
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
