import { type ChangeEvent, type FormEvent, useId, useRef, useState } from "react";
import { Link } from "wouter";
import type { MeetingImportResult } from "../../../domain/api/support";
import { MEETING_TYPE_CODES } from "../../../domain/meetings";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { FormAlert } from "../../components/FormAlert";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { TextField } from "../../components/TextField";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { isMessageKey } from "../../i18n/translate";
import { useMe } from "../../session";
import { type MeetingSearch, newIdempotencyKey, supportApi } from "./api";
import { MeetingForm } from "./MeetingForm";
import { leadLabel, ReminderSelect } from "./MeetingReminder";
import { wallClockIn } from "./zone";

type When = "tonight" | "tomorrow" | "day" | "week";
type Mode = "any" | "online" | "in_person";
type Found = Awaited<ReturnType<typeof supportApi.searchMeetings>>["meetings"][number];

const WHEN: When[] = ["tonight", "tomorrow", "day", "week"];
const MODES: Mode[] = ["any", "online", "in_person"];
const DAYS = [0, 1, 2, 3, 4, 5, 6];

/** Find a meeting tonight or any day, import a Meeting Guide file, and log going. */
export function MeetingsScreen() {
  const me = useMe();
  const i18n = useI18n();
  const { t } = i18n;
  const [when, setWhen] = useState<When>("tonight");
  const [day, setDay] = useState(() => wallClockIn(me.timeZone).weekday);
  const [from, setFrom] = useState("18:00");
  const [to, setTo] = useState("");
  const [type, setType] = useState("");
  const [mode, setMode] = useState<Mode>("any");
  const [savedOnly, setSavedOnly] = useState(false);
  const [near, setNear] = useState<{ latitude: number; longitude: number } | null>(null);
  const [nearError, setNearError] = useState("");
  const [imported, setImported] = useState(0);
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState("");

  const search = (): MeetingSearch => {
    const clock = wallClockIn(me.timeZone);
    const base: MeetingSearch = {
      mode,
      types: type || undefined,
      saved: savedOnly,
      ...(near ? { ...near, radiusKm: 25 } : {}),
    };
    if (when === "tonight") return { ...base, day: clock.weekday, from: clock.time, to: "24:00" };
    if (when === "tomorrow") return { ...base, day: (clock.weekday + 1) % 7 };
    if (when === "day") return { ...base, day, from: from || undefined, to: to || undefined };
    return { ...base, withinHours: 168 };
  };
  const query = search();
  const { state, reload } = useLoad(
    () => supportApi.searchMeetings(me.id, query),
    [me.id, JSON.stringify(query), imported],
  );

  const askLocation = (checked: boolean) => {
    setNearError("");
    if (!checked) {
      setNear(null);
      return;
    }
    if (!("geolocation" in navigator)) {
      setNearError(t("meetings.nearUnavailable"));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) =>
        setNear({ latitude: position.coords.latitude, longitude: position.coords.longitude }),
      () => setNearError(t("meetings.nearUnavailable")),
      { maximumAge: 600_000, timeout: 15_000 },
    );
  };

  return (
    <div className="stack support">
      <ScreenHeading titleKey="meetings.title" />
      <p className="lead">{t("meetings.intro")}</p>

      <form className="card stack meeting-search" onSubmit={(event) => event.preventDefault()}>
        <h2>{t("meetings.searchHeading")}</h2>
        <fieldset className="toggle-group">
          <legend>{t("meetings.when")}</legend>
          {WHEN.map((option) => (
            <label key={option} className="choice">
              <input
                type="radio"
                name="when"
                checked={when === option}
                onChange={() => setWhen(option)}
              />
              {t(`meetings.when.${option}`)}
            </label>
          ))}
        </fieldset>
        {when === "day" && (
          <div className="stack tight">
            <div className="field">
              <label htmlFor="meeting-day">{t("meetings.day")}</label>
              <select
                id="meeting-day"
                value={day}
                onChange={(event) => setDay(Number(event.target.value))}
              >
                {DAYS.map((option) => (
                  <option key={option} value={option}>
                    {t(`meetings.weekday.${option}` as "meetings.weekday.0")}
                  </option>
                ))}
              </select>
            </div>
            <TextField
              label={t("meetings.from")}
              type="time"
              value={from}
              onChange={(event) => setFrom(event.target.value)}
            />
            <TextField
              label={t("meetings.to")}
              type="time"
              value={to}
              onChange={(event) => setTo(event.target.value)}
            />
          </div>
        )}
        <div className="field">
          <label htmlFor="meeting-type">{t("meetings.type")}</label>
          <select id="meeting-type" value={type} onChange={(event) => setType(event.target.value)}>
            <option value="">{t("meetings.anyType")}</option>
            {Object.keys(MEETING_TYPE_CODES).map((code) => (
              <option key={code} value={code}>
                {typeLabel(code, t)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="toggle-group">
          <legend>{t("meetings.mode")}</legend>
          {MODES.map((option) => (
            <label key={option} className="choice">
              <input
                type="radio"
                name="mode"
                checked={mode === option}
                onChange={() => setMode(option)}
              />
              {t(`meetings.mode.${option}`)}
            </label>
          ))}
        </fieldset>
        <label className="choice">
          <input
            type="checkbox"
            checked={near !== null}
            onChange={(event) => askLocation(event.target.checked)}
          />
          {t("meetings.nearMe")}
        </label>
        {nearError && <p className="hint">{nearError}</p>}
        <label className="choice">
          <input
            type="checkbox"
            checked={savedOnly}
            onChange={(event) => setSavedOnly(event.target.checked)}
          />
          {t("meetings.savedOnly")}
        </label>
      </form>

      <section className="stack" aria-labelledby="meeting-results">
        <h2 id="meeting-results">{t("meetings.resultsHeading")}</h2>
        {state.status === "loading" && <Loading />}
        {state.status === "failed" && (
          <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
        )}
        {state.status === "loaded" && state.value.meetings.length === 0 && (
          <p className="card empty">{t("meetings.none")}</p>
        )}
        {state.status === "loaded" && state.value.meetings.length > 0 && (
          <ul className="meeting-list">
            {state.value.meetings.map((meeting) => (
              <MeetingCard key={`${meeting.id}-${meeting.startsAt}`} meeting={meeting} />
            ))}
          </ul>
        )}
      </section>

      <p className="status-line" role="status">
        {status}
      </p>
      {adding ? (
        <MeetingForm
          onDone={(created) => {
            setAdding(false);
            if (created) {
              setStatus(t("meetings.form.added", { name: created.name }));
              setImported((count) => count + 1);
            }
          }}
        />
      ) : (
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setStatus("");
            setAdding(true);
          }}
        >
          {t("meetings.form.open")}
        </button>
      )}
      <ImportFeed onImported={() => setImported((count) => count + 1)} />
      <Link href="/meetings/attendance">{t("attendance.title")}</Link>
    </div>
  );
}

function typeLabel(code: string, t: ReturnType<typeof useI18n>["t"]): string {
  const key = `meetings.typeCode.${code}`;
  return isMessageKey(key) ? t(key) : (MEETING_TYPE_CODES[code] ?? code);
}

function MeetingCard({ meeting }: { meeting: Found }) {
  const me = useMe();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [saved, setSaved] = useState(meeting.saved);
  const [remind, setRemind] = useState(meeting.remindMinutesBefore);
  const [reminderStatus, setReminderStatus] = useState("");
  const [logging, setLogging] = useState(false);
  const [logged, setLogged] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const headingId = useId();
  const when = new Intl.DateTimeFormat(locale, {
    weekday: "long",
    hour: "numeric",
    minute: "2-digit",
    timeZone: me.timeZone,
  }).format(new Date(meeting.startsAt));

  const toggleSave = async () => {
    setError(undefined);
    try {
      const updated = await supportApi.saveMeeting(me.id, meeting.id, { saved: !saved });
      setSaved(updated.saved);
      setRemind(updated.remindMinutesBefore);
      setReminderStatus("");
    } catch (caught) {
      setError(describeError(caught, i18n).message);
    }
  };

  const changeReminder = async (minutes: number | null) => {
    setError(undefined);
    try {
      const updated = await supportApi.saveMeeting(me.id, meeting.id, {
        saved: true,
        remindMinutesBefore: minutes,
      });
      setRemind(updated.remindMinutesBefore);
      setReminderStatus(
        updated.remindMinutesBefore === null
          ? t("meetings.reminder.off")
          : t("meetings.reminder.set", { lead: leadLabel(updated.remindMinutesBefore, t) }),
      );
    } catch (caught) {
      setError(describeError(caught, i18n).message);
    }
  };

  return (
    <li className="card stack tight meeting" aria-labelledby={headingId}>
      <h3 id={headingId}>{meeting.name}</h3>
      <p className="meeting-time">{when}</p>
      {meeting.types.length > 0 && (
        <p className="hint">{meeting.types.map((code) => typeLabel(code, t)).join(" · ")}</p>
      )}
      {meeting.inPerson && (meeting.location || meeting.address) && (
        <p>{[meeting.location, meeting.address].filter(Boolean).join(", ")}</p>
      )}
      {meeting.distanceKm !== null && (
        <p className="hint">{t("meetings.distance", { km: meeting.distanceKm.toFixed(1) })}</p>
      )}
      {meeting.online && meeting.conferenceUrl && (
        <a href={meeting.conferenceUrl} target="_blank" rel="noopener noreferrer">
          {t("meetings.join", { name: meeting.name })}
        </a>
      )}
      {meeting.notes && <p className="hint">{meeting.notes}</p>}
      {saved && remind !== null && (
        <p className="hint">{t("meetings.reminder.badge", { lead: leadLabel(remind, t) })}</p>
      )}
      <FormAlert message={error} />
      <div className="actions-row">
        <button
          type="button"
          className="button secondary"
          aria-pressed={saved}
          onClick={toggleSave}
          aria-label={t(saved ? "meetings.unsaveName" : "meetings.saveName", {
            name: meeting.name,
          })}
        >
          {t(saved ? "meetings.saved" : "meetings.save")}
        </button>
        {!logging && !logged && (
          <button
            type="button"
            className="button primary"
            aria-label={t("meetings.iWentName", { name: meeting.name })}
            onClick={() => setLogging(true)}
          >
            {t("meetings.iWent")}
          </button>
        )}
      </div>
      {saved && (
        <ReminderSelect
          value={remind}
          onChange={changeReminder}
          label={t("meetings.reminder.labelName", { name: meeting.name })}
        />
      )}
      <p className="status-line" role="status">
        {reminderStatus}
      </p>
      {logging && (
        <AttendanceForm
          meetingId={meeting.id}
          meetingName={meeting.name}
          onDone={(didLog) => {
            setLogging(false);
            setLogged(didLog);
          }}
        />
      )}
      {logged && (
        <p role="status" className="logged">
          {t("meetings.logged")} <Link href="/meetings/attendance">{t("attendance.title")}</Link>
        </p>
      )}
    </li>
  );
}

function AttendanceForm({
  meetingId,
  meetingName,
  onDone,
}: {
  meetingId: string;
  meetingName: string;
  onDone: (logged: boolean) => void;
}) {
  const me = useMe();
  const i18n = useI18n();
  const { t } = i18n;
  const [note, setNote] = useState("");
  const [signer, setSigner] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const key = useRef(newIdempotencyKey());
  const noteId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await supportApi.logAttendance(
        me.id,
        {
          meetingId,
          meetingName,
          note: note.trim() || null,
          signerName: signer.trim() || null,
        },
        key.current,
      );
      onDone(true);
    } catch (caught) {
      setError(describeError(caught, i18n).message);
      setBusy(false);
    }
  };

  return (
    <form className="stack tight attendance-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={noteId}>{t("attendance.note")}</label>
        <textarea
          id={noteId}
          rows={2}
          maxLength={1000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <TextField
        label={t("attendance.signer")}
        hint={t("attendance.signerHint")}
        value={signer}
        maxLength={120}
        onChange={(event) => setSigner(event.target.value)}
      />
      <FormAlert message={error} />
      <div className="actions-row">
        <button type="submit" className="button primary" disabled={busy}>
          {t("attendance.log")}
        </button>
        <button type="button" className="button secondary" onClick={() => onDone(false)}>
          {t("people.cancel")}
        </button>
      </div>
    </form>
  );
}

function ImportFeed({ onImported }: { onImported: () => void }) {
  const i18n = useI18n();
  const { t, tCount } = i18n;
  const [result, setResult] = useState<MeetingImportResult | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const inputId = useId();

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setError(undefined);
    setResult(null);
    let rows: unknown[];
    try {
      const parsed: unknown = JSON.parse(await file.text());
      const list = Array.isArray(parsed)
        ? parsed
        : (parsed as { meetings?: unknown } | null)?.meetings;
      if (!Array.isArray(list)) throw new Error("not a list");
      rows = list;
    } catch {
      setError(t("meetings.import.notJson"));
      return;
    }
    setBusy(true);
    try {
      setResult(await supportApi.importMeetingFeed(rows));
      onImported();
    } catch (caught) {
      setError(describeError(caught, i18n).message);
    } finally {
      setBusy(false);
      event.target.value = "";
    }
  };

  return (
    <section className="card stack" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`}>{t("meetings.import.heading")}</h2>
      <p className="hint">{t("meetings.import.intro")}</p>
      <div className="field">
        <label htmlFor={inputId}>{t("meetings.import.file")}</label>
        <input
          id={inputId}
          type="file"
          accept=".json,application/json"
          onChange={onFile}
          disabled={busy}
        />
      </div>
      {busy && <Loading />}
      <FormAlert message={error} />
      {result && (
        <div role="status" className="stack tight">
          <p>
            {tCount("meetings.import.imported", result.imported + result.updated)}
            {", "}
            {tCount("meetings.import.skipped", result.skipped.length)}
          </p>
          {result.skipped.length > 0 && (
            <ul className="skipped">
              {result.skipped.map((skip) => (
                <li key={skip.index}>
                  {t("meetings.import.row", { row: skip.index + 1, reason: skip.reason })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
