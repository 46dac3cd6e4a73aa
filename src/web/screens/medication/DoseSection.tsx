import { type FormEvent, useId, useState } from "react";
import type { z } from "zod";
import type {
  adherenceSchema,
  DoseView,
  logDoseAnswerSchema,
  RegimenView,
} from "../../../domain/api/medication";
import { instantAt, localTimeAt } from "../../../domain/dose-schedule";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { useI18n } from "../../i18n/context";
import type { MessageKey } from "../../i18n/translate";
import { saveThroughQueue } from "../../offline/saved";
import { newClientId } from "../../offline/sync";
import { useSyncState } from "../../offline/use-sync";
import { useMe } from "../../session";
import type { MemberZone } from "../daily/member-today";
import { doseWrite, type medicationApi } from "./api";
import { ChoicePills } from "./fields";
import { memberFormat } from "./member-format";

type Adherence = z.infer<typeof adherenceSchema>;
type ScheduledDose = Adherence["doses"][number];
type DoseStatus = DoseView["status"];
type LogAnswer = z.infer<typeof logDoseAnswerSchema>;

/** Today's dose with one-tap "I took it", another time or a missed dose. */
export function TodayDose({
  regimen,
  adherence,
  doses,
  onLogged,
}: {
  regimen: RegimenView;
  adherence: Adherence;
  doses: DoseView[];
  /** null: saved on this phone, to be sent when there is a signal. */
  onLogged: (answer: LogAnswer | null) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const headingId = useId();
  const format = memberFormat(i18n.locale, me);
  const today = format.today();
  const todays = adherence.doses.filter((dose) => dose.day === today);
  const pending = useSyncState().pending;
  // A dose logged on this phone and not sent yet is not offered again (no double logging).
  const open = todays.find(
    (dose) =>
      (dose.state === "pending" || dose.state === "missed") &&
      !pending.some(
        (write) => write.kind === "dose" && write.body.scheduledFor === dose.scheduledFor,
      ),
  );
  const [takeHome, setTakeHome] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const [key, setKey] = useState(newClientId);
  const doseStates = todays.map((dose) => dose.state).join();
  const [otherOpenFor, setOtherOpenFor] = useState<string | null>(null);

  const log = async (body: Parameters<typeof medicationApi.logDose>[1]) => {
    setSaving(true);
    setError(undefined);
    try {
      const result = await saveThroughQueue<typeof logDoseAnswerSchema>(
        doseWrite(me.id, body),
        key,
      );
      setKey(newClientId());
      onLogged(result.isQueued ? null : result.value);
    } catch (failure) {
      setError(describeError(failure, i18n).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card stack dose-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("medication.dose.heading")}</h2>
      {todays.length === 0 ? (
        <p>{t("medication.dose.none")}</p>
      ) : (
        <ul className="dose-states">
          {todays.map((dose) => (
            <li key={dose.scheduledFor} className={`dose-state ${dose.state}`}>
              {doseStateText(dose, doses, t, format.time)}
            </li>
          ))}
        </ul>
      )}
      <FormAlert message={error} />
      {(open || todays.length === 0) && (
        <div className="stack tight">
          {regimen.takeHomes.onHand > 0 && (
            <label className="check-line">
              <input
                type="checkbox"
                checked={takeHome}
                onChange={(event) => setTakeHome(event.target.checked)}
              />
              <span>{t("medication.dose.tookItTakeHome")}</span>
            </label>
          )}
          <button
            type="button"
            className="button primary took-it"
            disabled={saving}
            onClick={() =>
              void log({
                status: "taken",
                takeHome,
                ...(open ? { scheduledFor: open.scheduledFor } : {}),
              })
            }
          >
            {t("medication.dose.tookIt")}
          </button>
        </div>
      )}
      {/* Closes again once a dose is logged (the key follows today's doses). */}
      <details
        className="more"
        key={doseStates}
        onToggle={(event) => setOtherOpenFor(event.currentTarget.open ? doseStates : null)}
      >
        <summary>{t("medication.dose.other")}</summary>
        {/* Drawn once opened: its day and time fields need Intl formatters, which would cost
            Today's first paint on a cheap phone (docs/performance.md). */}
        {otherOpenFor === doseStates && (
          <OtherTimeForm
            scheduledFor={open?.scheduledFor ?? todays[0]?.scheduledFor}
            member={me}
            saving={saving}
            takeHome={takeHome}
            onSubmit={(body) => void log(body)}
          />
        )}
      </details>
    </section>
  );
}

function doseStateText(
  dose: ScheduledDose,
  doses: DoseView[],
  t: (key: MessageKey, params?: Record<string, string>) => string,
  time: (iso: string) => string,
): string {
  const logged = doses.find((each) => each.id === dose.doseId);
  const at = logged?.takenAt ? time(logged.takenAt) : time(dose.scheduledFor);
  switch (dose.state) {
    case "taken":
      return t("medication.dose.taken", { time: at });
    case "late":
      return t("medication.dose.late", { time: at });
    case "missed":
      return dose.detected
        ? t("medication.dose.missedDetected")
        : t("medication.dose.missedMarked");
    case "pending":
      return t("medication.dose.pending", { time: time(dose.scheduledFor) });
  }
}

function OtherTimeForm({
  scheduledFor,
  member,
  saving,
  takeHome,
  onSubmit,
}: {
  scheduledFor: string | undefined;
  member: MemberZone;
  saving: boolean;
  takeHome: boolean;
  onSubmit: (body: Parameters<typeof medicationApi.logDose>[1]) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { timeZone } = member;
  const format = memberFormat(i18n.locale, member);
  const [status, setStatus] = useState<DoseStatus>("taken");
  const [day, setDay] = useState(format.today());
  const [time, setTime] = useState(localTimeAt(new Date(), timeZone));
  const dayId = useId();
  const timeId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const at = status === "missed" ? undefined : instantAt(day, time, timeZone).toISOString();
    onSubmit({
      status,
      takeHome: status === "missed" ? false : takeHome,
      ...(at ? { at } : {}),
      // Today's form answers today's dose; another day's dose is found from the time given.
      ...(scheduledFor && (status === "missed" || day === format.today()) ? { scheduledFor } : {}),
    });
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <ChoicePills
        legend={t("medication.dose.status")}
        name="dose-status"
        value={status}
        onChange={setStatus}
        options={(["taken", "late", "missed"] as const).map((value) => ({
          value,
          label: t(`medication.dose.status.${value}`),
        }))}
      />
      {status !== "missed" && (
        <fieldset className="field-pair">
          <legend>{t("medication.dose.when")}</legend>
          <div className="field">
            <label htmlFor={dayId}>{t("appointments.date")}</label>
            <input
              id={dayId}
              type="date"
              value={day}
              max={format.today()}
              onChange={(event) => setDay(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={timeId}>{t("medication.form.time")}</label>
            <input
              id={timeId}
              type="time"
              value={time}
              onChange={(event) => setTime(event.target.value)}
            />
          </div>
        </fieldset>
      )}
      <button type="submit" className="button secondary" disabled={saving}>
        {t("medication.dose.save")}
      </button>
    </form>
  );
}

/** "Doses taken this month: 27 of 30", a row of dots, and what the dots mean. */
export function AdherenceSummary({ adherence }: { adherence: Adherence }) {
  const { t } = useI18n();
  const headingId = useId();
  const summary =
    adherence.due > 0
      ? t("medication.adherence.summary", { taken: adherence.taken, due: adherence.due })
      : t("medication.adherence.none");
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("medication.adherence.heading")}</h2>
      <p className="adherence-summary">{summary}</p>
      {adherence.due > 0 && (adherence.late > 0 || adherence.missed > 0) && (
        <p className="hint">
          {t("medication.adherence.detail", { late: adherence.late, missed: adherence.missed })}
        </p>
      )}
      {adherence.doses.length > 0 && (
        <>
          <div
            className="dose-dots"
            role="img"
            aria-label={t("medication.adherence.dotsLabel", { summary })}
          >
            {adherence.doses.map((dose) => (
              <span key={dose.scheduledFor} className={`dose-dot ${dose.state}`} />
            ))}
          </div>
          <ul className="dot-legend" aria-hidden="true">
            {(["taken", "late", "missed", "pending"] as const).map((state) => (
              <li key={state}>
                <span className={`dose-dot ${state}`} />
                {t(`medication.adherence.legend.${state}`)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
