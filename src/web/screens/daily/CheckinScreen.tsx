import { type FormEvent, useLayoutEffect, useRef, useState } from "react";
import { Link, useLocation } from "wouter";
import type { Me } from "../../../domain/api/auth";
import type { Checkin, CheckinBody, checkinSchema } from "../../../domain/api/daily";
import { HALT_STATES, type Halt } from "../../../domain/checkin";
import type { LocalDay } from "../../../domain/local-day";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { earlyAnswer } from "../../components/early-answer";
import { FormAlert } from "../../components/FormAlert";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useI18n } from "../../i18n/context";
import { SeenAt, useLastSeen } from "../../offline/last-seen";
import { saveThroughQueue } from "../../offline/saved";
import { useSyncState } from "../../offline/use-sync";
import { useMe } from "../../session";
import { dailyApi, dailyWrites } from "./api";
import { checkinFromQueue } from "./checkin-from-queue";
import { ChoiceRow } from "./components/ChoiceRow";
import { ScaleField } from "./components/ScaleField";
import { TextArea } from "./components/TextArea";
import { formatLocalDay, isCheckinDay } from "./days";
import { memberToday } from "./member-today";

const early = earlyAnswer<Checkin | null>();
/** A day's check-in as the early answer names and loads it. */
const checkinOf = (memberId: string, day: LocalDay) =>
  [`${memberId}:${day}`, () => dailyApi.checkinOn(memberId, day)] as const;

/** Opened straight on today's check-in: its answer is asked for as soon as /api/me says whose
 * (daily/routes.tsx), while the screen's code and words are still on their way. */
export function askForCheckinEarly(me: Me): void {
  early.ask(...checkinOf(me.id, memberToday(me)));
}

/** /checkin (today) and /checkin/:date (a day already passed): one check-in per local day. */
export function CheckinScreen({ date }: { date?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const today = memberToday(me);
  const day = date ?? today;
  const isValidDay = isCheckinDay(day, today);
  const { state, reload, seenAt } = useLastSeen(
    `${me.id}:checkin:${day}`,
    () => (isValidDay ? early.take(...checkinOf(me.id, day)) : Promise.resolve(null)),
    [me.id, day, isValidDay],
  );
  // A save of this day still on the phone is what the person last said: start from it.
  const queued = useSyncState().pending.find(
    (write) => write.kind === "checkin" && write.path.endsWith(`/checkins/${day}`),
  );

  if (!isValidDay) {
    return (
      <div className="stack">
        <ScreenHeading titleKey="checkin.badDateTitle" />
        <p>{t("checkin.badDateBody")}</p>
        <p>
          <Link href="/checkin">{t("checkin.checkInToday")}</Link>
        </p>
      </div>
    );
  }
  if (state.status === "loading") return <Loading />;
  if (state.status === "failed") {
    return (
      <div className="stack">
        <ScreenHeading titleKey="checkin.title" />
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      </div>
    );
  }
  const existing = queued ? checkinFromQueue(day, queued.body, state.value) : state.value;
  return (
    <>
      <SeenAt seenAt={seenAt} />
      <CheckinForm key={day} day={day} isToday={day === today} existing={existing} />
    </>
  );
}

type Medication = "yes" | "no" | "none";
const NO_HALT: Halt = { hungry: false, angry: false, lonely: false, tired: false };
const fields = ["mood", "craving", "used", "sleepHours", "note"] as const;
type Field = (typeof fields)[number];

interface FormError {
  field?: Field;
  message: string;
}

function CheckinForm({
  day,
  isToday,
  existing,
}: {
  day: LocalDay;
  isToday: boolean;
  existing: Checkin | null;
}) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const me = useMe();
  const [, navigate] = useLocation();
  const [mood, setMood] = useState<number | null>(existing?.mood ?? null);
  const [craving, setCraving] = useState<number | null>(existing?.craving ?? null);
  const [used, setUsed] = useState<boolean | undefined>(existing?.used);
  const [medication, setMedication] = useState<Medication | undefined>(
    existing?.medicationTaken === true
      ? "yes"
      : existing?.medicationTaken === false
        ? "no"
        : undefined,
  );
  const [sleepHours, setSleepHours] = useState(existing?.sleepHours?.toString() ?? "");
  const [stress, setStress] = useState<number | null>(existing?.stress ?? null);
  const [halt, setHalt] = useState<Halt>(existing?.halt ?? NO_HALT);
  const [meeting, setMeeting] = useState(existing?.meeting ?? false);
  const [note, setNote] = useState(existing?.note ?? "");
  const [error, setError] = useState<FormError | null>(null);
  const [isSaving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{ checkin: Checkin; isQueued: boolean } | null>(null);
  const inputs = useRef(new Map<Field, HTMLElement>());
  const savedRef = useRef<HTMLHeadingElement>(null);
  const register = (field: Field) => (element: HTMLElement | null) => {
    if (element) inputs.current.set(field, element);
    else inputs.current.delete(field);
  };
  const hasMore =
    existing !== null &&
    (existing.sleepHours !== null ||
      existing.stress !== null ||
      existing.halt !== null ||
      existing.meeting !== null ||
      existing.note !== null);

  useLayoutEffect(() => {
    if (error?.field) inputs.current.get(error.field)?.focus();
  }, [error]);
  useLayoutEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSaving) return;
    setError(null);
    if (mood === null) return setError({ field: "mood", message: t("checkin.errorMood") });
    if (craving === null) return setError({ field: "craving", message: t("checkin.errorCraving") });
    if (used === undefined) return setError({ field: "used", message: t("checkin.errorUsed") });
    const sleep = sleepHours.trim() === "" ? null : Number(sleepHours.replace(",", "."));
    if (sleep !== null && !(Number.isFinite(sleep) && sleep >= 0 && sleep <= 24)) {
      return setError({ field: "sleepHours", message: t("checkin.errorSleep") });
    }
    const body: CheckinBody = {
      mood,
      craving,
      used,
      medicationTaken: medication === "yes" ? true : medication === "no" ? false : null,
      sleepHours: sleep,
      stress,
      // Unticked boxes mean "not said" until the person has answered once.
      halt: Object.values(halt).some(Boolean) || existing?.halt ? halt : null,
      meeting: meeting ? true : existing?.meeting != null ? false : null,
      note: note.trim() || null,
    };
    setSaving(true);
    try {
      const result = await saveThroughQueue<typeof checkinSchema>(
        await dailyWrites.checkin(me.id, day, body),
      );
      // Use newly said: safety first, gently (the lapse flow); an edit of other answers is not.
      if (body.used && existing?.used !== true) {
        navigate(`/lapse?checkin=${day}`);
        return;
      }
      setSaved(
        result.isQueued
          ? { checkin: checkinFromQueue(day, body, existing), isQueued: true }
          : { checkin: result.value, isQueued: false },
      );
    } catch (caught) {
      const described = describeError(caught, i18n);
      const field = fields.find((name) => name === described.field);
      setError(field ? { field, message: described.message } : { message: described.message });
    } finally {
      setSaving(false);
    }
  }

  // Today's title names no date: the first Intl formatter a page builds would cost a cheap
  // phone a long task before the form can draw (docs/performance.md).
  const title = isToday
    ? t("checkin.title")
    : t("checkin.titleForDay", { day: formatLocalDay(day, locale) });
  const errorFor = (field: Field) => (error?.field === field ? error.message : undefined);

  if (saved) {
    return (
      <div className="stack">
        <ScreenHeading titleKey="checkin.title">{title}</ScreenHeading>
        <section className="card saved-card stack" aria-labelledby="checkin-saved">
          <h2 id="checkin-saved" ref={savedRef} tabIndex={-1}>
            {t("checkin.savedTitle")}
          </h2>
          <p>{t("checkin.savedBody")}</p>
          {saved.isQueued && <p className="seen-at">{t("offline.savedOnPhone")}</p>}
          <p className="hint">
            {t("checkin.savedSummary", {
              mood: saved.checkin.mood,
              craving: saved.checkin.craving,
            })}
          </p>
          <div className="actions-row">
            <Link href="/" className="button primary">
              {t("checkin.toToday")}
            </Link>
            <Link href="/progress" className="button secondary">
              {t("checkin.toProgress")}
            </Link>
            <button type="button" className="button secondary" onClick={() => setSaved(null)}>
              {t("checkin.changeIt")}
            </button>
          </div>
        </section>
      </div>
    );
  }

  return (
    <div className="stack">
      <ScreenHeading titleKey="checkin.title">{title}</ScreenHeading>
      <p className="lead">{existing ? t("checkin.introEditing") : t("checkin.intro")}</p>
      <form className="stack checkin-form" noValidate onSubmit={submit} aria-busy={isSaving}>
        <FormAlert message={error && !error.field ? error.message : undefined} />
        <ScaleField
          legend={t("checkin.mood")}
          lowLabel={t("checkin.moodLow")}
          highLabel={t("checkin.moodHigh")}
          value={mood}
          onChange={setMood}
          error={errorFor("mood")}
          firstInputRef={register("mood")}
        />
        <ScaleField
          legend={t("checkin.craving")}
          lowLabel={t("checkin.cravingLow")}
          highLabel={t("checkin.cravingHigh")}
          value={craving}
          onChange={setCraving}
          error={errorFor("craving")}
          firstInputRef={register("craving")}
        />
        <ChoiceRow
          legend={isToday ? t("checkin.usedToday") : t("checkin.usedThatDay")}
          hint={t("checkin.usedHint")}
          choices={[
            { value: false, label: t("checkin.usedNo") },
            { value: true, label: t("checkin.usedYes") },
          ]}
          value={used}
          onChange={setUsed}
          error={errorFor("used")}
          firstInputRef={register("used")}
        />
        <ChoiceRow<Medication>
          legend={t("checkin.medication")}
          choices={[
            { value: "yes", label: t("checkin.medicationYes") },
            { value: "no", label: t("checkin.medicationNo") },
            { value: "none", label: t("checkin.medicationNone") },
          ]}
          value={medication}
          onChange={setMedication}
        />

        <details className="more" open={hasMore || undefined}>
          <summary>{t("checkin.more")}</summary>
          <div className="stack">
            <div className="field">
              <label htmlFor="checkin-sleep">{t("checkin.sleep")}</label>
              <input
                id="checkin-sleep"
                ref={register("sleepHours")}
                type="number"
                inputMode="decimal"
                min={0}
                max={24}
                step={0.5}
                value={sleepHours}
                onChange={(event) => setSleepHours(event.target.value)}
                aria-invalid={errorFor("sleepHours") ? true : undefined}
                aria-describedby={errorFor("sleepHours") ? "checkin-sleep-error" : undefined}
              />
              {errorFor("sleepHours") && (
                <p className="field-error" id="checkin-sleep-error" role="alert">
                  {errorFor("sleepHours")}
                </p>
              )}
            </div>
            <ScaleField
              legend={t("checkin.stress")}
              lowLabel={t("checkin.stressLow")}
              highLabel={t("checkin.stressHigh")}
              value={stress}
              onChange={setStress}
            />
            <fieldset className="toggle-group">
              <legend>{t("checkin.halt")}</legend>
              <p className="hint">{t("checkin.haltHint")}</p>
              <div className="toggle-grid">
                {HALT_STATES.map((state) => (
                  <label key={state} className="pill">
                    <input
                      type="checkbox"
                      checked={halt[state]}
                      onChange={(event) => setHalt({ ...halt, [state]: event.target.checked })}
                    />
                    <span>{t(`halt.${state}`)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <label className="pill wide">
              <input
                type="checkbox"
                checked={meeting}
                onChange={(event) => setMeeting(event.target.checked)}
              />
              <span>{t("checkin.meeting")}</span>
            </label>
            <TextArea
              label={t("checkin.note")}
              hint={t("checkin.noteHint")}
              maxLength={2000}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </div>
        </details>

        <button type="submit" className="button primary" disabled={isSaving}>
          {isSaving ? t("checkin.saving") : t("checkin.save")}
        </button>
      </form>
    </div>
  );
}
