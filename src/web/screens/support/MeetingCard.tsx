import { type FormEvent, useId, useRef, useState } from "react";
import { Link } from "wouter";
import type { attendanceSchema } from "../../../domain/api/support";
import { MEETING_TYPE_CODES } from "../../../domain/meetings";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { TextField } from "../../components/TextField";
import { useI18n } from "../../i18n/context";
import { isMessageKey } from "../../i18n/translate";
import { saveThroughQueue } from "../../offline/saved";
import { newClientId } from "../../offline/sync";
import { useMe } from "../../session";
import { attendanceWrite, supportApi } from "./api";
import { leadLabel, ReminderSelect } from "./MeetingReminder";

export type Found = Awaited<ReturnType<typeof supportApi.searchMeetings>>["meetings"][number];

export function typeLabel(code: string, t: ReturnType<typeof useI18n>["t"]): string {
  const key = `meetings.typeCode.${code}`;
  return isMessageKey(key) ? t(key) : (MEETING_TYPE_CODES[code] ?? code);
}

/** A meeting found: save it (with a reminder), join or find it, and log going. */
export function MeetingCard({ meeting }: { meeting: Found }) {
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
      {/* Always in the page, so screen readers announce the words when they appear. */}
      <p role="status" className="logged">
        {logged && (
          <>
            {t("meetings.logged")} <Link href="/meetings/attendance">{t("attendance.title")}</Link>
          </>
        )}
      </p>
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
  const clientId = useRef(newClientId());
  const noteId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await saveThroughQueue<typeof attendanceSchema>(
        attendanceWrite(me.id, {
          meetingId,
          meetingName,
          note: note.trim() || null,
          signerName: signer.trim() || null,
        }),
        clientId.current,
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
