import { useId } from "react";
import { Link } from "wouter";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { careApi } from "./api";

/** On a clinician's Today: how many people on their caseload need attention. */
export function CaseloadTodayCard() {
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
