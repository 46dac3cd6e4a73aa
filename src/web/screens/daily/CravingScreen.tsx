import { type FormEvent, useId, useLayoutEffect, useRef, useState } from "react";
import { Link } from "wouter";
import type { CravingBody, cravingSchema } from "../../../domain/api/daily";
import { TRIGGER_KINDS, type TriggerKind } from "../../../domain/craving";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { ScreenHeading } from "../../components/ScreenHeading";
import { TextField } from "../../components/TextField";
import { useI18n } from "../../i18n/context";
import { saveThroughQueue } from "../../offline/saved";
import { newClientId } from "../../offline/sync";
import { useMe } from "../../session";
import { dailyWrites } from "./api";
import { ChoiceRow } from "./components/ChoiceRow";
import { ScaleField } from "./components/ScaleField";
import { TextArea } from "./components/TextArea";
import { ToolLinks } from "./coping/ToolLinks";

/**
 * /craving: the tools come first (a person in a craving should not have to fill in a form to
 * reach them); writing the craving down is there for whoever has a minute, and after saving
 * the tools are offered again, tied to this craving.
 */
export function CravingScreen() {
  const { t } = useI18n();
  const toolsId = useId();
  /** The craving's id (the server's, or the client's while it is only on this phone). */
  const [saved, setSaved] = useState<{ id: string; isQueued: boolean } | null>(null);
  const savedRef = useRef<HTMLHeadingElement>(null);

  useLayoutEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  return (
    <div className="stack">
      <ScreenHeading titleKey="craving.title" />
      <p className="lead">{t("craving.intro")}</p>
      {saved ? (
        <section className="card saved-card stack" aria-labelledby="craving-saved">
          <h2 id="craving-saved" ref={savedRef} tabIndex={-1}>
            {t("craving.savedTitle")}
          </h2>
          <p>{t("craving.savedBody")}</p>
          {saved.isQueued && <p className="seen-at">{t("offline.savedOnPhone")}</p>}
          <h3 id={toolsId}>{t("craving.toolsAfter")}</h3>
          <ToolLinks cravingId={saved.id} labelledBy={toolsId} />
          <div className="actions-row">
            <Link href="/coping" className="button secondary">
              {t("coping.whatWorks")}
            </Link>
            <Link href="/" className="button secondary">
              {t("checkin.toToday")}
            </Link>
          </div>
        </section>
      ) : (
        <>
          <section className="stack" aria-labelledby={toolsId}>
            <h2 id={toolsId}>{t("craving.toolsNow")}</h2>
            <ToolLinks labelledBy={toolsId} />
          </section>
          <CravingForm onSaved={setSaved} />
        </>
      )}
    </div>
  );
}

type Passed = "yes" | "no";
const fields = ["intensity", "durationMinutes", "at"] as const;
type Field = (typeof fields)[number];

function CravingForm({ onSaved }: { onSaved: (saved: { id: string; isQueued: boolean }) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const headingId = useId();
  const [intensity, setIntensity] = useState<number | null>(null);
  const [triggerKind, setTriggerKind] = useState<TriggerKind | undefined>();
  const [triggerText, setTriggerText] = useState("");
  const [place, setPlace] = useState("");
  const [people, setPeople] = useState("");
  const [feeling, setFeeling] = useState("");
  const [whatIDid, setWhatIDid] = useState("");
  const [passed, setPassed] = useState<Passed | undefined>();
  const [duration, setDuration] = useState("");
  const [error, setError] = useState<{ field?: Field; message: string } | null>(null);
  const [isSaving, setSaving] = useState(false);
  // One id per craving being written down (its Idempotency-Key): a retry saves it once.
  const clientId = useRef(newClientId());
  const inputs = useRef(new Map<Field, HTMLElement>());
  const register = (field: Field) => (element: HTMLElement | null) => {
    if (element) inputs.current.set(field, element);
  };
  useLayoutEffect(() => {
    const element = error?.field ? inputs.current.get(error.field) : undefined;
    // A field inside the closed "more details" section is shown before it takes focus.
    const details = element?.closest("details");
    if (details) details.open = true;
    element?.focus();
  }, [error]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSaving) return;
    setError(null);
    if (intensity === null) {
      return setError({ field: "intensity", message: t("craving.errorIntensity") });
    }
    const minutes = duration.trim() === "" ? undefined : Number(duration);
    if (minutes !== undefined && !(Number.isInteger(minutes) && minutes >= 0 && minutes <= 1440)) {
      return setError({ field: "durationMinutes", message: t("craving.errorDuration") });
    }
    const body: CravingBody = {
      intensity,
      ...(triggerKind && {
        trigger: { kind: triggerKind, ...(triggerText.trim() && { text: triggerText.trim() }) },
      }),
      ...(place.trim() && { place: place.trim() }),
      ...(people.trim() && { people: people.trim() }),
      ...(feeling.trim() && { feeling: feeling.trim() }),
      ...(whatIDid.trim() && { whatIDid: whatIDid.trim() }),
      ...(passed && { passed: passed === "yes" }),
      ...(minutes !== undefined && { durationMinutes: minutes }),
    };
    setSaving(true);
    try {
      const result = await saveThroughQueue<typeof cravingSchema>(
        await dailyWrites.craving(me.id, body),
        clientId.current,
      );
      onSaved(
        result.isQueued
          ? { id: result.id, isQueued: true }
          : { id: result.value.id, isQueued: false },
      );
    } catch (caught) {
      const described = describeError(caught, i18n);
      const field = fields.find((name) => name === described.field);
      setError(field ? { field, message: described.message } : { message: described.message });
      setSaving(false);
    }
  }

  const errorFor = (field: Field) => (error?.field === field ? error.message : undefined);

  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("craving.logHeading")}</h2>
      <p className="hint">{t("craving.logIntro")}</p>
      <form className="stack" noValidate onSubmit={submit} aria-busy={isSaving}>
        <FormAlert message={error && !error.field ? error.message : undefined} />
        <ScaleField
          legend={t("craving.intensity")}
          lowLabel={t("checkin.cravingLow")}
          highLabel={t("checkin.cravingHigh")}
          value={intensity}
          onChange={setIntensity}
          error={errorFor("intensity")}
          firstInputRef={register("intensity")}
        />
        <ChoiceRow<TriggerKind>
          legend={t("craving.trigger")}
          hint={t("craving.triggerHint")}
          choices={TRIGGER_KINDS.map((kind) => ({
            value: kind,
            label: t(`craving.trigger.${kind}`),
          }))}
          value={triggerKind}
          onChange={setTriggerKind}
        />
        <TextField
          label={t("craving.triggerText")}
          maxLength={200}
          value={triggerText}
          onChange={(event) => setTriggerText(event.target.value)}
        />
        <ChoiceRow<Passed>
          legend={t("craving.passed")}
          choices={[
            { value: "yes", label: t("craving.passedYes") },
            { value: "no", label: t("craving.passedNotYet") },
          ]}
          value={passed}
          onChange={setPassed}
        />
        <details className="more">
          <summary>{t("craving.moreDetails")}</summary>
          <div className="stack">
            <TextField
              label={t("craving.place")}
              maxLength={200}
              value={place}
              onChange={(event) => setPlace(event.target.value)}
            />
            <TextField
              label={t("craving.people")}
              maxLength={200}
              value={people}
              onChange={(event) => setPeople(event.target.value)}
            />
            <TextField
              label={t("craving.feeling")}
              maxLength={200}
              value={feeling}
              onChange={(event) => setFeeling(event.target.value)}
            />
            <TextArea
              label={t("craving.whatIDid")}
              maxLength={1000}
              value={whatIDid}
              onChange={(event) => setWhatIDid(event.target.value)}
            />
            <TextField
              label={t("craving.duration")}
              type="number"
              inputMode="numeric"
              min={0}
              max={1440}
              value={duration}
              onChange={(event) => setDuration(event.target.value)}
              error={errorFor("durationMinutes")}
              inputRef={register("durationMinutes")}
            />
          </div>
        </details>
        <button type="submit" className="button primary" disabled={isSaving}>
          {isSaving ? t("craving.saving") : t("craving.save")}
        </button>
      </form>
    </section>
  );
}
