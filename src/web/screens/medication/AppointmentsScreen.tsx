import { useId, useState } from "react";
import { Link } from "wouter";
import type { AppointmentView } from "../../../domain/api/medication";
import { addScheduleDays } from "../../../domain/dose-schedule";
import { compareIso } from "../../../domain/iso-order";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { FormAlert } from "../../components/FormAlert";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { AppointmentForm } from "./AppointmentForm";
import { medicationApi } from "./api";
import { memberFormat } from "./member-format";

/** /medication/appointments: what's coming up and what came before; add, edit, delete. */
export function AppointmentsScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const format = memberFormat(i18n.locale, me);
  const today = format.today();
  const { state, reload } = useLoad(
    () =>
      medicationApi.appointments(me.id, addScheduleDays(today, -60), addScheduleDays(today, 330)),
    [me.id, today],
    { keepWhileReloading: true },
  );
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const addHeadingId = useId();
  const upcomingId = useId();
  const pastId = useId();

  const done = (text: string) => {
    setAdding(false);
    setEditingId(null);
    setMessage(text);
    reload();
  };

  const now = Date.now();
  const appointments = state.status === "loaded" ? state.value.appointments : [];
  const isPast = (appointment: AppointmentView) =>
    new Date(appointment.endsAt ?? appointment.startsAt).getTime() < now;
  const upcoming = appointments
    .filter((each) => !isPast(each))
    .sort((a, b) => compareIso(a.startsAt, b.startsAt));
  const past = appointments.filter(isPast).sort((a, b) => compareIso(b.startsAt, a.startsAt));

  const renderList = (list: AppointmentView[]) => (
    <ul className="appointment-list">
      {list.map((appointment) =>
        editingId === appointment.id ? (
          <li key={appointment.id} className="card">
            <AppointmentForm
              appointment={appointment}
              onSaved={() => done(t("appointments.saved"))}
              onCancel={() => setEditingId(null)}
            />
          </li>
        ) : (
          <AppointmentItem
            key={appointment.id}
            appointment={appointment}
            timeZone={me.timeZone}
            onEdit={() => {
              setMessage("");
              setEditingId(appointment.id);
            }}
            onDeleted={() => done(t("appointments.deleted"))}
          />
        ),
      )}
    </ul>
  );

  return (
    <div className="stack medication">
      <ScreenHeading titleKey="appointments.title" />
      <p className="lead">{t("appointments.intro")}</p>
      <p className="saved-message" role="status">
        {message}
      </p>
      {adding ? (
        <section className="card stack" aria-labelledby={addHeadingId}>
          <h2 id={addHeadingId}>{t("appointments.add")}</h2>
          <AppointmentForm
            appointment={null}
            onSaved={() => done(t("appointments.saved"))}
            onCancel={() => setAdding(false)}
          />
        </section>
      ) : (
        <button
          type="button"
          className="button primary"
          onClick={() => {
            setMessage("");
            setAdding(true);
          }}
        >
          {t("appointments.add")}
        </button>
      )}
      {state.status === "loading" && <Loading />}
      {state.status === "failed" && (
        <ErrorState message={t("appointments.loadError")} onRetry={reload} />
      )}
      {state.status === "loaded" && (
        <>
          <section className="stack" aria-labelledby={upcomingId}>
            <h2 id={upcomingId}>{t("appointments.upcoming")}</h2>
            {upcoming.length === 0 ? (
              <p className="empty-state">{t("appointments.empty")}</p>
            ) : (
              renderList(upcoming)
            )}
          </section>
          {past.length > 0 && (
            <section className="stack" aria-labelledby={pastId}>
              <h2 id={pastId}>{t("appointments.past")}</h2>
              {renderList(past)}
            </section>
          )}
        </>
      )}
      <Link href="/medication" className="button secondary">
        {t("appointments.back")}
      </Link>
    </div>
  );
}

function AppointmentItem({
  appointment,
  timeZone,
  onEdit,
  onDeleted,
}: {
  appointment: AppointmentView;
  timeZone: string;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const format = memberFormat(i18n.locale, { timeZone });
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const titleId = useId();
  const kind = t(`appointments.kind.${appointment.kind}`);
  const title = appointment.title ? `${appointment.title} (${kind})` : kind;

  const remove = async () => {
    setError(undefined);
    try {
      await medicationApi.deleteAppointment(me.id, appointment.id);
      onDeleted();
    } catch (failure) {
      setError(describeError(failure, i18n).message);
    }
  };

  return (
    <li className="card stack tight appointment">
      <h3 id={titleId}>{title}</h3>
      <p>
        {format.dateTime(appointment.startsAt)}
        {appointment.endsAt &&
          ` · ${t("appointments.until", { time: format.time(appointment.endsAt) })}`}
      </p>
      {appointment.place && <p>{appointment.place}</p>}
      {appointment.notes && <p className="hint">{appointment.notes}</p>}
      <FormAlert message={error} />
      {confirming ? (
        <div className="stack tight confirm">
          <p>{t("appointments.confirmDelete")}</p>
          <div className="actions-row">
            <button type="button" className="button danger" onClick={() => void remove()}>
              {t("appointments.confirmDeleteYes")}
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              {t("appointments.keep")}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions-row">
          <button
            type="button"
            className="button secondary"
            onClick={onEdit}
            aria-describedby={titleId}
          >
            {t("appointments.edit")}
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => setConfirming(true)}
            aria-describedby={titleId}
          >
            {t("appointments.delete")}
          </button>
        </div>
      )}
    </li>
  );
}
