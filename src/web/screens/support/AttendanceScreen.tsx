import { useState } from "react";
import { Link } from "wouter";
import { addLocalDays, isLocalDay, type LocalDay } from "../../../domain/local-day";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { TextField } from "../../components/TextField";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { memberToday } from "../daily/member-today";
import { attendancePdfHref, supportApi } from "./api";

/** The meetings the member went to, and a PDF record for a court or program that asks. */
export function AttendanceScreen() {
  const me = useMe();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const today = memberToday(me);
  const [from, setFrom] = useState<string>(addLocalDays(today, -89));
  const [to, setTo] = useState<string>(today);
  const validRange = isLocalDay(from) && isLocalDay(to) && from <= to;
  const range = validRange
    ? { from: from as LocalDay, to: to as LocalDay }
    : { from: addLocalDays(today, -89), to: today };
  const { state, reload } = useLoad(
    () => supportApi.listAttendance(me.id, range.from, range.to),
    [me.id, range.from, range.to],
  );
  const dateTime = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: me.timeZone,
  });

  return (
    <div className="stack support">
      <ScreenHeading titleKey="attendance.title" />
      <p className="lead">{t("attendance.intro")}</p>
      <div className="card stack">
        <TextField
          label={t("attendance.from")}
          type="date"
          value={from}
          max={to}
          onChange={(event) => setFrom(event.target.value)}
        />
        <TextField
          label={t("attendance.to")}
          type="date"
          value={to}
          min={from}
          onChange={(event) => setTo(event.target.value)}
          error={validRange ? undefined : t("attendance.badRange")}
        />
        <a
          className="button primary"
          href={attendancePdfHref(me.id, range.from, range.to)}
          download="attendance.pdf"
        >
          {t("attendance.download")}
        </a>
      </div>
      {state.status === "loading" && <Loading />}
      {state.status === "failed" && (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      )}
      {state.status === "loaded" && state.value.attendance.length === 0 && (
        <div className="card empty">
          <p>{t("attendance.empty")}</p>
          <Link href="/meetings">{t("attendance.findMeeting")}</Link>
        </div>
      )}
      {state.status === "loaded" && state.value.attendance.length > 0 && (
        <ul className="attendance-list" aria-label={t("attendance.listLabel")}>
          {state.value.attendance.map((entry) => (
            <li key={entry.id} className="card stack tight">
              <h2>{entry.meetingName}</h2>
              <p>{dateTime.format(new Date(entry.at))}</p>
              {entry.signerName && <p>{t("attendance.signedBy", { name: entry.signerName })}</p>}
              {entry.note && <p className="hint">{entry.note}</p>}
            </li>
          ))}
        </ul>
      )}
      <Link href="/meetings">{t("meetings.title")}</Link>
    </div>
  );
}
