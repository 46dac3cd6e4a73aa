import { useId, useMemo, useState } from "react";
import { Link } from "wouter";
import type { logDoseAnswerSchema } from "../../../domain/api/medication";
import { compareIso } from "../../../domain/iso-order";
import { missedDoseGuidance } from "../../../domain/missed-dose";
import { describeError } from "../../components/api-error";
import { SkeletonLines } from "../../components/CardSkeleton";
import { FormAlert } from "../../components/FormAlert";
import { useI18n } from "../../i18n/context";
import { SeenAt } from "../../offline/last-seen";
import { saveThroughQueue } from "../../offline/saved";
import { useSyncState } from "../../offline/use-sync";
import { useMe } from "../../session";
import { useToday } from "../today/today-data";
import { MEDICATION_CARD_SKELETON } from "./MedicationTodayCard";
import { memberFormat } from "./member-format";

/** What the medication card on Today shows once its code and words have loaded. */
export function MedicationCardBody() {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const headingId = useId();
  const { state, reload, seenAt } = useToday();
  const labels = state.status === "loaded" ? state.value.medication?.labels : null;
  // The server wrote this card's times (Today's answer): an Intl formatter is made only for
  // one it did not, once, not at every render.
  const format = useMemo(() => memberFormat(i18n.locale, me, labels), [i18n.locale, me, labels]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const [logged, setLogged] = useState("");

  const tookIt = async (scheduledFor: string) => {
    setSaving(true);
    setError(undefined);
    try {
      // The write's code (and the schema that checks it) loads on the tap, not with Today.
      const { doseWrite } = await import("./api");
      const result = await saveThroughQueue<typeof logDoseAnswerSchema>(
        doseWrite(me.id, { status: "taken", scheduledFor, takeHome: false }),
      );
      setLogged(t(result.isQueued ? "offline.savedOnPhone" : "medicationCard.logged"));
      reload();
    } catch (failure) {
      setError(describeError(failure, i18n).message);
    } finally {
      setSaving(false);
    }
  };

  const today = state.status === "loaded" ? state.value.date : "";
  const value = state.status === "loaded" ? state.value.medication : null;
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
  const next = value?.appointments.appointments
    .filter((appointment) => new Date(appointment.startsAt).getTime() >= now)
    .sort((a, b) => compareIso(a.startsAt, b.startsAt))[0];

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
      {state.status === "loaded" && value === null && (
        <>
          <p className="status-line">{t("medicationCard.setUp")}</p>
          <p className="hint">{t("medicationCard.setUpHint")}</p>
          <Link href="/medication" className="button secondary">
            {t("medicationCard.open")}
          </Link>
        </>
      )}
      {value !== null && (
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
          {value.regimen.takeHomes.low && (
            <p className="gentle-warning">
              {value.regimen.takeHomes.onHand <= 0
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
