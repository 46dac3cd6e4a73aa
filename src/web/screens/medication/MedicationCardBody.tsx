import { useId, useState } from "react";
import { Link } from "wouter";
import { logDoseAnswerSchema } from "../../../domain/api/medication";
import { addScheduleDays } from "../../../domain/dose-schedule";
import { MISSED_DOSE_LOOKBACK_DAYS, missedDoseGuidance } from "../../../domain/missed-dose";
import { describeError } from "../../components/api-error";
import { SkeletonLines } from "../../components/CardSkeleton";
import { FormAlert } from "../../components/FormAlert";
import { useI18n } from "../../i18n/context";
import { SeenAt, useLastSeen } from "../../offline/last-seen";
import { saveThroughQueue } from "../../offline/saved";
import { useSyncState } from "../../offline/use-sync";
import { useMe } from "../../session";
import { doseWrite, medicationApi } from "./api";
import { MEDICATION_CARD_SKELETON } from "./MedicationTodayCard";
import { memberFormat } from "./words";

/** What the medication card on Today shows once its code has loaded. */
export function MedicationCardBody() {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const headingId = useId();
  const format = memberFormat(i18n.locale, me.timeZone);
  const today = format.today();
  const { state, reload, seenAt } = useLastSeen(
    `${me.id}:medication-card:${today}`,
    async () => {
      const regimen = await medicationApi.regimen(me.id);
      if (!regimen) return null;
      const [adherence, appointments] = await Promise.all([
        // A week back, so missed days in a row can be counted (MissedDoseNotice).
        medicationApi.adherence(
          me.id,
          addScheduleDays(today, 1 - MISSED_DOSE_LOOKBACK_DAYS),
          today,
        ),
        medicationApi.appointments(me.id, today, addScheduleDays(today, 60)),
      ]);
      return { regimen, adherence, appointments: appointments.appointments };
    },
    [me.id, today],
    { keepWhileReloading: true },
  );
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const [logged, setLogged] = useState("");

  const tookIt = async (scheduledFor: string) => {
    setSaving(true);
    setError(undefined);
    try {
      const result = await saveThroughQueue(
        doseWrite(me.id, { status: "taken", scheduledFor, takeHome: false }),
        logDoseAnswerSchema,
      );
      setLogged(t(result.isQueued ? "offline.savedOnPhone" : "medicationCard.logged"));
      reload();
    } catch (failure) {
      setError(describeError(failure, i18n).message);
    } finally {
      setSaving(false);
    }
  };

  const value = state.status === "loaded" ? state.value : null;
  const todays = value ? value.adherence.doses.filter((dose) => dose.day === today) : [];
  const pending = useSyncState().pending;
  const isOnPhone = (scheduledFor: string) =>
    pending.some((write) => write.kind === "dose" && write.body.scheduledFor === scheduledFor);
  const open = todays.find(
    (dose) =>
      (dose.state === "pending" || dose.state === "missed") && !isOnPhone(dose.scheduledFor),
  );
  const loggedOnPhone = todays.some((dose) => isOnPhone(dose.scheduledFor));
  const missed = value ? missedDoseGuidance(value.regimen.medication, value.adherence.doses) : null;
  const now = Date.now();
  const next = value?.appointments
    .filter((appointment) => new Date(appointment.startsAt).getTime() >= now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];

  return (
    <section className="card stack medication-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("medicationCard.title")}</h2>
      <p className="visually-hidden" role="status">
        {logged}
      </p>
      {state.status === "loading" && <SkeletonLines lines={MEDICATION_CARD_SKELETON} />}
      {state.status === "failed" && (
        <div className="stack tight">
          <p>{t("medicationCard.loadError")}</p>
          <button type="button" className="button secondary" onClick={reload}>
            {t("app.retry")}
          </button>
        </div>
      )}
      <SeenAt seenAt={seenAt} />
      {state.status === "loaded" && state.value === null && (
        <>
          <p className="status-line">{t("medicationCard.setUp")}</p>
          <p className="hint">{t("medicationCard.setUpHint")}</p>
          <Link href="/medication" className="button secondary">
            {t("medicationCard.open")}
          </Link>
        </>
      )}
      {state.status === "loaded" && state.value !== null && (
        <>
          {todays.length === 0 && <p className="status-line">{t("medication.dose.none")}</p>}
          {loggedOnPhone && !open && <p className="status-line">{t("offline.savedOnPhone")}</p>}
          {todays.length > 0 && !open && !loggedOnPhone && (
            <p className="status-line done">
              <span className="status-mark" aria-hidden="true">
                ✓
              </span>
              {t("medicationCard.takenToday")}
            </p>
          )}
          {open && (
            <>
              <p className="status-line">
                {open.state === "missed"
                  ? t("medication.dose.missedDetected")
                  : t("medication.dose.pending", { time: format.time(open.scheduledFor) })}
              </p>
              <button
                type="button"
                className="button primary"
                disabled={saving}
                onClick={() => void tookIt(open.scheduledFor)}
              >
                {t("medication.dose.tookIt")}
              </button>
            </>
          )}
          {missed && (
            <p className="gentle-warning">{t(missed.messageKey, { count: missed.missedDays })}</p>
          )}
          {state.value.regimen.takeHomes.low && (
            <p className="gentle-warning">
              {state.value.regimen.takeHomes.onHand <= 0
                ? t("medication.regimen.takeHomesOut")
                : t("medication.regimen.takeHomesLow")}
            </p>
          )}
          {next && (
            <p className="hint">
              {t("medicationCard.nextAppointment", {
                kind: t(`appointments.kind.${next.kind}`),
                when: format.dateTime(next.startsAt),
              })}
            </p>
          )}
          <Link href="/medication" className="button secondary">
            {t("medicationCard.open")}
          </Link>
        </>
      )}
      <FormAlert message={error} />
    </section>
  );
}
