import { type FormEvent, useLayoutEffect, useRef, useState } from "react";
import { Link, useSearch } from "wouter";
import type { RecordedUse, recordedUseSchema, UseBody } from "../../../domain/api/daily";
import { lapseSafety } from "../../../domain/lapse";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { ScreenHeading } from "../../components/ScreenHeading";
import { TextField } from "../../components/TextField";
import { useI18n } from "../../i18n/context";
import { saveThroughQueue } from "../../offline/saved";
import { newClientId } from "../../offline/sync";
import { useMe } from "../../session";
import { dailyWrites } from "./api";
import { TextArea } from "./components/TextArea";
import { isCheckinDay, middayOf, toDateTimeInput } from "./days";
import { LapseReturn } from "./lapse/LapseReturn";
import { LapseSafety } from "./lapse/LapseSafety";
import { memberToday } from "./member-today";

type Step = "what" | "safety" | "return" | "undone";

/**
 * /lapse (and /lapse?checkin=DAY after a check-in that said "used"): what happened (all
 * optional), safety first, then the way back. Never a reset, never a verdict.
 */
export function LapseScreen() {
  const { t } = useI18n();
  const me = useMe();
  const today = memberToday(me);
  const checkinParam = new URLSearchParams(useSearch()).get("checkin");
  const checkinDay = checkinParam && isCheckinDay(checkinParam, today) ? checkinParam : null;
  const [step, setStep] = useState<Step>("what");
  const [recorded, setRecorded] = useState<RecordedUse | null>(null);
  const [isQueued, setQueued] = useState(false);
  const stepHeading = useRef<HTMLHeadingElement>(null);

  useLayoutEffect(() => {
    if (step !== "what") stepHeading.current?.focus();
  }, [step]);

  return (
    <div className="stack lapse">
      <ScreenHeading titleKey="lapse.title" />
      {step === "what" && (
        <WhatHappened
          checkinDay={checkinDay}
          onRecorded={(answer, queued) => {
            setRecorded(answer);
            setQueued(queued);
            setStep("safety");
          }}
        />
      )}
      {step === "safety" && recorded && (
        <LapseSafety
          recorded={recorded}
          headingRef={stepHeading}
          // A use that came from a check-in is corrected by editing the check-in instead; one
          // still on this phone has nothing on the server to undo yet.
          canUndo={checkinDay === null && !isQueued}
          checkinDay={checkinDay}
          onUndone={() => setStep("undone")}
          onContinue={() => setStep("return")}
        />
      )}
      {step === "return" && <LapseReturn headingRef={stepHeading} />}
      {step === "undone" && (
        <section className="card stack" aria-labelledby="lapse-undone">
          <h2 id="lapse-undone" ref={stepHeading} tabIndex={-1}>
            {t("lapse.undoneTitle")}
          </h2>
          <p>{t("lapse.undoneBody")}</p>
          <Link href="/" className="button primary">
            {t("checkin.toToday")}
          </Link>
        </section>
      )}
    </div>
  );
}

function WhatHappened({
  checkinDay,
  onRecorded,
}: {
  checkinDay: string | null;
  onRecorded: (recorded: RecordedUse, isQueued: boolean) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const [when, setWhen] = useState(() =>
    toDateTimeInput(checkinDay ? middayOf(checkinDay, me.timeZone) : new Date()),
  );
  const [substance, setSubstance] = useState("");
  const [amount, setAmount] = useState("");
  const [where, setWhere] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<{ field?: "at"; message: string } | null>(null);
  const [isSaving, setSaving] = useState(false);
  const clientId = useRef(newClientId());
  const whenInput = useRef<HTMLInputElement>(null);

  useLayoutEffect(() => {
    if (error?.field === "at") whenInput.current?.focus();
  }, [error]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSaving) return;
    setError(null);
    const at = when ? new Date(when) : new Date();
    if (Number.isNaN(at.getTime())) return setError({ field: "at", message: t("lapse.errorWhen") });
    if (at.getTime() > Date.now() + 60_000) {
      return setError({ field: "at", message: t("lapse.errorWhenFuture") });
    }
    setSaving(true);
    try {
      const body: UseBody = {
        at: at.toISOString(),
        ...(substance.trim() && { substance: substance.trim() }),
        ...(amount.trim() && { amount: amount.trim() }),
        ...(where.trim() && { where: where.trim() }),
        ...(note.trim() && { note: note.trim() }),
      };
      const result = await saveThroughQueue<typeof recordedUseSchema>(
        await dailyWrites.use(me.id, body),
        clientId.current,
      );
      if (result.isQueued) onRecorded(recordedOnPhone(result.id, body), true);
      else onRecorded(result.value, false);
    } catch (caught) {
      const described = describeError(caught, i18n);
      setError(
        described.field === "at"
          ? { field: "at", message: described.message }
          : { message: described.message },
      );
      setSaving(false);
    }
  }

  return (
    <>
      <p className="lead">{checkinDay ? t("lapse.introFromCheckin") : t("lapse.intro")}</p>
      <form className="stack" noValidate onSubmit={submit} aria-busy={isSaving}>
        <h2>{t("lapse.whatHeading")}</h2>
        <p className="hint">{t("lapse.whatHint")}</p>
        {/* Says what the access policy really allows a grant naming "use" (or check-ins). */}
        <p className="hint">
          {t("lapse.whoSees")} <Link href="/settings/sharing">{t("lapse.whoSeesLink")}</Link>
        </p>
        <FormAlert message={error && !error.field ? error.message : undefined} />
        <TextField
          label={t("lapse.when")}
          type="datetime-local"
          value={when}
          max={toDateTimeInput(new Date())}
          onChange={(event) => setWhen(event.target.value)}
          error={error?.field === "at" ? error.message : undefined}
          inputRef={whenInput}
        />
        <TextField
          label={t("lapse.substance")}
          maxLength={100}
          value={substance}
          onChange={(event) => setSubstance(event.target.value)}
        />
        <TextField
          label={t("lapse.amount")}
          maxLength={100}
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
        />
        <TextField
          label={t("lapse.where")}
          maxLength={200}
          value={where}
          onChange={(event) => setWhere(event.target.value)}
        />
        <TextArea
          label={t("lapse.note")}
          hint={t("lapse.noteHint")}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <button type="submit" className="button primary" disabled={isSaving}>
          {isSaving ? t("lapse.saving") : t("lapse.continue")}
        </button>
      </form>
    </>
  );
}

/**
 * Safety first even with no signal: the same sourced messages the server would name, in the
 * order for ongoing use (the days without use before are not known on the phone).
 */
function recordedOnPhone(id: string, body: UseBody): RecordedUse {
  return {
    use: {
      id,
      at: body.at,
      date: body.at.slice(0, 10),
      substance: body.substance ?? null,
      amount: body.amount ?? null,
      where: body.where ?? null,
      note: body.note ?? null,
      createdAt: new Date().toISOString(),
    },
    safety: lapseSafety(0),
  };
}
