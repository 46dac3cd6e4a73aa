import { type FormEvent, useState } from "react";
import type { AppointmentView } from "../../../domain/api/medication";
import { instantAt, localDayAt, localTimeAt } from "../../../domain/dose-schedule";
import { APPOINTMENT_KINDS, type AppointmentKind } from "../../../domain/medication-appointments";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { TextField } from "../../components/TextField";
import { useFormError } from "../../components/use-form-error";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { medicationApi, newWriteKey } from "./api";
import { SelectField, TextAreaField } from "./fields";

const FIELDS = ["startsAt", "endsAt", "title", "place", "notes"] as const;

/** Adds an appointment, or changes one; times are the member's wall-clock times. */
export function AppointmentForm({
  appointment,
  onSaved,
  onCancel,
}: {
  appointment: AppointmentView | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const zone = me.timeZone;
  const start = appointment ? new Date(appointment.startsAt) : null;
  const [kind, setKind] = useState<AppointmentKind>(appointment?.kind ?? "clinic_visit");
  const [title, setTitle] = useState(appointment?.title ?? "");
  const [day, setDay] = useState(start ? localDayAt(start, zone) : "");
  const [startTime, setStartTime] = useState(start ? localTimeAt(start, zone) : "");
  const [endTime, setEndTime] = useState(
    appointment?.endsAt ? localTimeAt(new Date(appointment.endsAt), zone) : "",
  );
  const [place, setPlace] = useState(appointment?.place ?? "");
  const [notes, setNotes] = useState(appointment?.notes ?? "");
  const [saving, setSaving] = useState(false);
  const [key] = useState(newWriteKey);
  const { setError, register, fieldError, formError } = useFormError(FIELDS);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!day || !startTime) {
      setError({ message: t("errors.validation.startsAt"), field: "startsAt" });
      return;
    }
    setSaving(true);
    const startsAt = instantAt(day, startTime, zone).toISOString();
    const endsAt = endTime ? instantAt(day, endTime, zone).toISOString() : null;
    const body = {
      kind,
      startsAt,
      endsAt,
      ...(title.trim() ? { title } : {}),
      ...(place.trim() ? { place } : {}),
      ...(notes.trim() ? { notes } : {}),
    };
    try {
      if (appointment) await medicationApi.updateAppointment(me.id, appointment.id, body);
      else await medicationApi.createAppointment(me.id, body, key);
      onSaved();
    } catch (failure) {
      setError(describeError(failure, i18n));
      setSaving(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      {appointment && <h3>{t("appointments.editHeading")}</h3>}
      <FormAlert message={formError} />
      <SelectField
        label={t("appointments.kind")}
        value={kind}
        onChange={(event) => setKind(event.target.value as AppointmentKind)}
      >
        {APPOINTMENT_KINDS.map((each) => (
          <option key={each} value={each}>
            {t(`appointments.kind.${each}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("appointments.titleField")}
        value={title}
        maxLength={120}
        autoComplete="off"
        onChange={(event) => setTitle(event.target.value)}
        error={fieldError("title")}
        inputRef={register("title")}
      />
      <TextField
        label={t("appointments.date")}
        type="date"
        value={day}
        onChange={(event) => setDay(event.target.value)}
        error={fieldError("startsAt")}
        inputRef={register("startsAt")}
      />
      <div className="field-pair">
        <TextField
          label={t("appointments.start")}
          type="time"
          value={startTime}
          onChange={(event) => setStartTime(event.target.value)}
        />
        <TextField
          label={t("appointments.end")}
          type="time"
          value={endTime}
          onChange={(event) => setEndTime(event.target.value)}
          error={fieldError("endsAt")}
          inputRef={register("endsAt")}
        />
      </div>
      <TextField
        label={t("appointments.place")}
        value={place}
        maxLength={200}
        autoComplete="off"
        onChange={(event) => setPlace(event.target.value)}
        error={fieldError("place")}
        inputRef={register("place")}
      />
      <TextAreaField
        label={t("appointments.notes")}
        value={notes}
        maxLength={2000}
        onChange={(event) => setNotes(event.target.value)}
      />
      <div className="actions-row">
        <button type="submit" className="button primary" disabled={saving}>
          {t("appointments.save")}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t("appointments.cancel")}
        </button>
      </div>
    </form>
  );
}
