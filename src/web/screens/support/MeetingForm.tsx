import { type FormEvent, type ReactNode, useId, useLayoutEffect, useRef, useState } from "react";
import type { Meeting } from "../../../domain/api/support";
import { ApiError } from "../../api";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { TextField } from "../../components/TextField";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { newIdempotencyKey, supportApi } from "./api";
import { ReminderSelect } from "./MeetingReminder";

type Where = "in_person" | "online" | "both";
type Field = "name" | "days" | "time" | "endTime" | "place" | "conferenceUrl";

const WHERE: Where[] = ["in_person", "online", "both"];
const DAYS = [1, 2, 3, 4, 5, 6, 0];
/** The kinds people most often pick; "Online" follows from "where" instead. */
const TYPES = ["O", "C", "D", "SP", "ST", "BE", "W", "M", "LGBTQ", "Y", "S", "EN", "X"];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The server names Meeting Guide fields; the form shows its own. */
const FIELD_OF: Record<string, Field> = {
  name: "name",
  day: "days",
  time: "time",
  end_time: "endTime",
  address: "place",
  location: "place",
  conference_url: "conferenceUrl",
};

/**
 * A meeting entered by hand (one not in any feed): sent as one Meeting Guide row, kept in the
 * member's own list, optionally saved with a reminder straight away.
 */
export function MeetingForm({ onDone }: { onDone: (created: Meeting | null) => void }) {
  const me = useMe();
  const i18n = useI18n();
  const { t } = i18n;
  const [name, setName] = useState("");
  const [days, setDays] = useState<number[]>([]);
  const [time, setTime] = useState("");
  const [endTime, setEndTime] = useState("");
  const [where, setWhere] = useState<Where>("in_person");
  const [location, setLocation] = useState("");
  const [address, setAddress] = useState("");
  const [conferenceUrl, setConferenceUrl] = useState("");
  const [types, setTypes] = useState<string[]>([]);
  const [notes, setNotes] = useState("");
  const [save, setSave] = useState(true);
  const [remind, setRemind] = useState<number | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  // The button that opened the form is gone: start from the form's heading.
  useLayoutEffect(() => {
    formRef.current?.querySelector<HTMLElement>("h2")?.focus();
  }, []);
  const inPerson = where !== "online";
  const online = where !== "in_person";

  const check = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {};
    if (!name.trim()) found.name = t("meetings.form.error.name");
    if (days.length === 0) found.days = t("meetings.form.error.days");
    if (!TIME.test(time)) found.time = t("meetings.form.error.time");
    if (endTime && !TIME.test(endTime)) found.endTime = t("meetings.form.error.endTime");
    if (inPerson && !location.trim() && !address.trim()) {
      found.place = t("meetings.form.error.place");
    }
    if (online && !/^https?:\/\/\S+\.\S+/i.test(conferenceUrl.trim())) {
      found.conferenceUrl = t("meetings.form.error.conferenceUrl");
    }
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      // After the errors render: to the first field that needs attention (or its group).
      requestAnimationFrame(() => {
        const form = formRef.current;
        const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
        const group = form?.querySelector<HTMLElement>("fieldset[aria-describedby] input");
        (invalid ?? group)?.focus();
      });
      return;
    }
    setBusy(true);
    const row = {
      name: name.trim(),
      day: days,
      time,
      ...(endTime ? { end_time: endTime } : {}),
      types: online ? [...types, "ONL"] : types,
      ...(inPerson && location.trim() ? { location: location.trim() } : {}),
      ...(inPerson && address.trim() ? { formatted_address: address.trim() } : {}),
      ...(online ? { conference_url: conferenceUrl.trim() } : {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    };
    try {
      // Retrying after the save step failed must not add the meeting a second time: the same
      // key replays the first answer.
      let meeting = await supportApi.createMeeting(me.id, row, key.current);
      if (save) {
        meeting = await supportApi.saveMeeting(me.id, meeting.id, {
          saved: true,
          remindMinutesBefore: remind,
        });
      }
      onDone(meeting);
    } catch (caught) {
      const field = caught instanceof ApiError && caught.field ? FIELD_OF[caught.field] : undefined;
      if (field) setErrors({ [field]: t(`meetings.form.error.${field}`) });
      else if (caught instanceof ApiError && caught.code === "invalid_meeting") {
        setFormError(t("meetings.form.error.generic"));
      } else setFormError(describeError(caught, i18n).message);
      setBusy(false);
    }
  };

  const toggle = (list: number[] | string[], value: number | string) =>
    (list as (number | string)[]).includes(value)
      ? (list as (number | string)[]).filter((entry) => entry !== value)
      : [...list, value];

  return (
    <form
      ref={formRef}
      className="card stack meeting-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={id}
    >
      <h2 id={id} tabIndex={-1}>
        {t("meetings.form.heading")}
      </h2>
      <p className="hint">{t("meetings.form.intro")}</p>
      <TextField
        label={t("meetings.form.name")}
        value={name}
        onChange={(event) => setName(event.target.value)}
        maxLength={200}
        autoComplete="off"
        required
        error={errors.name}
      />
      <Choices legend={t("meetings.form.days")} error={errors.days}>
        {DAYS.map((day) => (
          <label key={day} className="choice">
            <input
              type="checkbox"
              checked={days.includes(day)}
              onChange={() => setDays(toggle(days, day) as number[])}
            />
            {t(`meetings.weekday.${day}` as "meetings.weekday.0")}
          </label>
        ))}
      </Choices>
      <TextField
        label={t("meetings.form.time")}
        type="time"
        value={time}
        onChange={(event) => setTime(event.target.value)}
        required
        error={errors.time}
      />
      <TextField
        label={t("meetings.form.endTime")}
        type="time"
        value={endTime}
        onChange={(event) => setEndTime(event.target.value)}
        error={errors.endTime}
      />
      <Choices legend={t("meetings.form.where")}>
        {WHERE.map((option) => (
          <label key={option} className="choice">
            <input
              type="radio"
              name={`${id}-where`}
              checked={where === option}
              onChange={() => setWhere(option)}
            />
            {t(`meetings.form.where.${option}`)}
          </label>
        ))}
      </Choices>
      {inPerson && (
        <>
          <TextField
            label={t("meetings.form.location")}
            value={location}
            onChange={(event) => setLocation(event.target.value)}
            maxLength={200}
            autoComplete="off"
          />
          <TextField
            label={t("meetings.form.address")}
            hint={t("meetings.form.placeHint")}
            value={address}
            onChange={(event) => setAddress(event.target.value)}
            maxLength={300}
            autoComplete="street-address"
            error={errors.place}
          />
        </>
      )}
      {online && (
        <TextField
          label={t("meetings.form.conferenceUrl")}
          hint={t("meetings.form.conferenceHint")}
          type="url"
          inputMode="url"
          value={conferenceUrl}
          onChange={(event) => setConferenceUrl(event.target.value)}
          maxLength={500}
          autoComplete="off"
          error={errors.conferenceUrl}
        />
      )}
      <Choices legend={t("meetings.form.types")}>
        {TYPES.map((code) => (
          <label key={code} className="choice">
            <input
              type="checkbox"
              checked={types.includes(code)}
              onChange={() => setTypes(toggle(types, code) as string[])}
            />
            {t(`meetings.typeCode.${code}` as "meetings.typeCode.O")}
          </label>
        ))}
      </Choices>
      <div className="field">
        <label htmlFor={`${id}-notes`}>{t("meetings.form.notes")}</label>
        <textarea
          id={`${id}-notes`}
          rows={2}
          maxLength={2000}
          value={notes}
          onChange={(event) => setNotes(event.target.value)}
        />
      </div>
      <label className="choice">
        <input type="checkbox" checked={save} onChange={(event) => setSave(event.target.checked)} />
        {t("meetings.form.save")}
      </label>
      {save && <ReminderSelect value={remind} onChange={setRemind} />}
      <FormAlert message={formError} />
      <div className="actions-row">
        <button type="submit" className="button primary" disabled={busy}>
          {t("meetings.form.submit")}
        </button>
        <button type="button" className="button secondary" onClick={() => onDone(null)}>
          {t("people.cancel")}
        </button>
      </div>
    </form>
  );
}

/** A group of checkboxes or radios whose error is read out with it. */
function Choices({
  legend,
  error,
  children,
}: {
  legend: string;
  error?: string | undefined;
  children: ReactNode;
}) {
  const errorId = useId();
  return (
    <fieldset className="toggle-group" aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {children}
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
