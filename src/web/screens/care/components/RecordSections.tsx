import type { MemberSummary } from "../../../../domain/api/care";
import { compareIso } from "../../../../domain/iso-order";
import { useI18n } from "../../../i18n/context";
import { formatDay } from "../../../i18n/dates";
import { CheckinTrend } from "./CheckinTrend";
import { SummarySection } from "./SummarySection";

/**
 * The member's record as a care team sees it, one section per category; a category the
 * member did not share says so instead of showing an empty chart or list.
 */
export function RecordSections({ summary }: { summary: MemberSummary }) {
  const i18n = useI18n();
  const { t } = i18n;
  const day = (value: string) => formatDay(value, i18n.locale);
  return (
    <>
      <SummarySection title={t("care.summary.checkins")} shared={summary.checkins !== null}>
        {summary.checkins && (
          <CheckinTrend checkins={summary.checkins} from={summary.from} to={summary.to} />
        )}
      </SummarySection>
      <SummarySection title={t("care.summary.cravings")} shared={summary.cravings !== null}>
        {summary.cravings && summary.cravings.length === 0 && <p>{t("care.summary.noCravings")}</p>}
        {summary.cravings && summary.cravings.length > 0 && (
          <ul className="care-rows">
            {[...summary.cravings]
              .sort((a, b) => compareIso(b.day, a.day))
              .map((craving) => (
                <li key={craving.day}>
                  <span>{day(craving.day)}</span>
                  <span>
                    {t("care.summary.cravingRow", {
                      count: craving.count,
                      max: craving.maxIntensity,
                    })}
                  </span>
                </li>
              ))}
          </ul>
        )}
      </SummarySection>
      <SummarySection title={t("care.summary.use")} shared={summary.lapses !== null}>
        {summary.lapses && (
          <p>
            {summary.lapses.length === 0
              ? t("care.summary.noLapses")
              : t("care.summary.lapses", {
                  days: summary.lapses.map((lapse) => day(lapse.day)).join(", "),
                })}
          </p>
        )}
      </SummarySection>
      <SummarySection title={t("care.summary.plan")} shared={summary.plan !== null}>
        {summary.plan && summary.plan.goals.length === 0 && <p>{t("care.summary.noPlan")}</p>}
        {summary.plan && summary.plan.goals.length > 0 && (
          <ul>
            {summary.plan.goals.map((goal) => (
              <li key={goal.id}>
                {goal.title}
                <ul>
                  {summary.plan?.steps
                    .filter((step) => step.goalId === goal.id)
                    .map((step) => (
                      <li key={step.id}>{step.title}</li>
                    ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </SummarySection>
      <SummarySection title={t("care.summary.medication")} shared={summary.doses !== null}>
        {summary.doses && (
          <p>
            {t("care.summary.doses", { taken: summary.doses.taken, missed: summary.doses.missed })}
          </p>
        )}
      </SummarySection>
      <SummarySection title={t("care.summary.assessments")} shared={summary.assessments !== null}>
        {summary.assessments && summary.assessments.length === 0 && (
          <p>{t("care.summary.noAssessments")}</p>
        )}
        {summary.assessments && summary.assessments.length > 0 && (
          <ul>
            {summary.assessments.map((assessment) => (
              <li key={assessment.id}>
                {t("care.summary.score", {
                  instrument: assessment.instrumentId.toUpperCase(),
                  score: assessment.total ?? "—",
                })}{" "}
                · {i18n.formatDateTime(assessment.at)}
              </li>
            ))}
          </ul>
        )}
      </SummarySection>
    </>
  );
}
