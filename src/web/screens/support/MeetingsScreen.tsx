import { useLayoutEffect, useRef, useState } from "react";
import { Link } from "wouter";
import { MEETING_TYPE_CODES } from "../../../domain/meetings";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { TextField } from "../../components/TextField";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { type MeetingSearch, supportApi } from "./api";
import { ImportFeed } from "./ImportFeed";
import { MeetingCard, typeLabel } from "./MeetingCard";
import { MeetingForm } from "./MeetingForm";
import { wallClockIn } from "./zone";

type When = "tonight" | "tomorrow" | "day" | "week";
type Mode = "any" | "online" | "in_person";

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
  const openFormButton = useRef<HTMLButtonElement>(null);
  // When the form closes, focus returns to the button that opens it (not on first render).
  const formWasOpen = useRef(false);
  useLayoutEffect(() => {
    if (!adding && formWasOpen.current) openFormButton.current?.focus();
    formWasOpen.current = adding;
  }, [adding]);
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
          ref={openFormButton}
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
