import { useId, useState } from "react";
import { Link } from "wouter";
import { addScheduleDays } from "../../../domain/dose-schedule";
import { MISSED_DOSE_LOOKBACK_DAYS } from "../../../domain/missed-dose";
import { ErrorState } from "../../components/ErrorState";
import { Icon } from "../../components/icons";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useI18n } from "../../i18n/context";
import { SeenAt, useLastSeen } from "../../offline/last-seen";
import { useMe } from "../../session";
import { medicationApi } from "./api";
import { AdherenceSummary, TodayDose } from "./DoseSection";
import { MissedDoseNotice } from "./MissedDoseNotice";
import { memberFormat } from "./member-format";
import { RecentDoses } from "./RecentDoses";
import { RegimenCard } from "./RegimenCard";
import { RegimenForm } from "./RegimenForm";
import { RegimenHistory } from "./RegimenHistory";

/** /medication: the regimen as prescribed, today's dose, this month, recent doses. */
export function MedicationScreen() {
  const i18n = useI18n();
  const { t, tCount } = i18n;
  const me = useMe();
  const today = memberFormat(i18n.locale, me).today();
  const monthStart = `${today.slice(0, 8)}01`;
  const { state, reload, seenAt } = useLastSeen(
    `${me.id}:medication:${monthStart}:${today}`,
    async () => {
      const [regimen, adherence, recent, doses] = await Promise.all([
        medicationApi.regimen(me.id),
        medicationApi.adherence(me.id, monthStart, today),
        // The month may have just begun: missed days in a row are read from the last week.
        medicationApi.adherence(
          me.id,
          addScheduleDays(today, 1 - MISSED_DOSE_LOOKBACK_DAYS),
          today,
        ),
        medicationApi.doses(me.id, addScheduleDays(today, -13), today),
      ]);
      return { regimen, adherence, recentDoses: recent.doses, doses: doses.doses };
    },
    [me.id, today, monthStart],
    { keepWhileReloading: true },
  );
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState("");
  const editHeadingId = useId();

  const saved = (changed: boolean) => {
    setEditing(false);
    setMessage(t(changed ? "medication.regimen.savedChanged" : "medication.regimen.saved"));
    reload();
  };

  return (
    <div className="stack medication">
      <ScreenHeading titleKey="medication.title" />
      <p className="lead">{t("medication.intro")}</p>
      <p className="saved-message" role="status">
        {message}
      </p>
      <SeenAt seenAt={seenAt} />
      {state.status === "loading" && <Loading />}
      {state.status === "failed" && (
        <ErrorState message={t("medication.loadError")} onRetry={reload} />
      )}
      {state.status === "loaded" &&
        (state.value.regimen === null || editing ? (
          <section className="card stack" aria-labelledby={editHeadingId}>
            <h2 id={editHeadingId}>{t("medication.form.heading")}</h2>
            {state.value.regimen === null && <p>{t("medication.regimen.empty")}</p>}
            <RegimenForm
              regimen={state.value.regimen}
              onSaved={saved}
              {...(state.value.regimen ? { onCancel: () => setEditing(false) } : {})}
            />
          </section>
        ) : (
          <>
            <MissedDoseNotice
              medication={state.value.regimen.medication}
              doses={state.value.recentDoses}
            />
            <TodayDose
              regimen={state.value.regimen}
              adherence={state.value.adherence}
              doses={state.value.doses}
              onLogged={(answer) => {
                if (!answer) {
                  setMessage(t("offline.savedOnPhone"));
                  return;
                }
                const parts = [
                  t(
                    answer.dose.status === "missed"
                      ? "medication.dose.savedMissed"
                      : "medication.dose.saved",
                  ),
                ];
                if (answer.dose.takeHome && answer.takeHomesRemaining !== null) {
                  parts.push(tCount("medication.dose.takeHomesLeft", answer.takeHomesRemaining));
                }
                if (answer.takeHomesLow) parts.push(t("medication.regimen.takeHomesLow"));
                setMessage(parts.join(" "));
                reload();
              }}
            />
            <AdherenceSummary adherence={state.value.adherence} />
            <RegimenCard
              regimen={state.value.regimen}
              timeZone={me.timeZone}
              onEdit={() => {
                setMessage("");
                setEditing(true);
              }}
            />
            <RecentDoses
              doses={state.value.doses}
              onLogged={(_answer, changed) => {
                setMessage(changed);
                reload();
              }}
            />
            <RegimenHistory memberId={me.id} timeZone={me.timeZone} />
          </>
        ))}
      <ul className="quick-actions medication-links">
        <li>
          <Link href="/medication/appointments" className="action">
            <Icon name="calendar" />
            <span className="stack tight">
              <span>{t("medication.links.appointments")}</span>
              <span className="action-description">
                {t("medication.links.appointmentsDescription")}
              </span>
            </span>
          </Link>
        </li>
        <li>
          <Link href="/settings/reminders" className="action">
            <Icon name="bell" />
            <span className="stack tight">
              <span>{t("medication.links.reminders")}</span>
              <span className="action-description">
                {t("medication.links.remindersDescription")}
              </span>
            </span>
          </Link>
        </li>
      </ul>
    </div>
  );
}
