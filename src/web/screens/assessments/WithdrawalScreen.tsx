import { type FormEvent, useId, useRef, useState } from "react";
import { Link } from "wouter";
import type { WithdrawalEpisode } from "../../../domain/api/assessments";
import { localDayOf } from "../../../domain/local-day";
import { hoursSinceLastUse, type OpioidType, opioidTypeSchema } from "../../../domain/withdrawal";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { FormAlert } from "../../components/FormAlert";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { newIdempotencyKey } from "../daily/api";
import { ChoiceRow } from "../daily/components/ChoiceRow";
import { toDateTimeInput } from "../daily/days";
import { assessmentsApi } from "./api";
import { RaterList } from "./RaterList";
import { courseText, WithdrawalCourseChart, WithdrawalSafety } from "./WithdrawalCourse";

/** /withdrawal — start an episode, rate SOWS as often as wanted, see the expected course, end it. */
export function WithdrawalScreen() {
  const i18n = useI18n();
  const me = useMe();
  const { state, reload } = useLoad(() => assessmentsApi.episodes(me.id), [me.id]);

  if (state.status === "loading") return <Loading />;
  if (state.status === "failed") {
    return (
      <div className="stack">
        <ScreenHeading titleKey="withdrawalUi.title" />
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      </div>
    );
  }
  const open = state.value.episodes.find((episode) => episode.endedAt === null);
  return (
    <div className="stack">
      <ScreenHeading titleKey="withdrawalUi.title" />
      {open ? (
        <OpenEpisode key={open.id} episode={open} onEnded={reload} />
      ) : (
        <StartEpisode onStarted={reload} />
      )}
    </div>
  );
}

function StartEpisode({ onStarted }: { onStarted: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const inputId = useId();
  const [lastUse, setLastUse] = useState(() => toDateTimeInput(new Date()));
  const [opioidType, setOpioidType] = useState<OpioidType>();
  const [error, setError] = useState<{ message: string; field?: string }>();
  const [saving, setSaving] = useState(false);
  const idempotencyKey = useRef(newIdempotencyKey());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const lastUseAt = new Date(lastUse);
    if (!lastUse || Number.isNaN(lastUseAt.getTime())) {
      setError({ message: t("withdrawalUi.lastUseMissing"), field: "lastUseAt" });
      return;
    }
    if (!opioidType) {
      setError({ message: t("withdrawalUi.typeMissing"), field: "opioidType" });
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      await assessmentsApi.startEpisode(
        me.id,
        { lastUseAt: lastUseAt.toISOString(), opioidType },
        idempotencyKey.current,
      );
      onStarted();
    } catch (caught) {
      setError(describeError(caught, i18n));
      setSaving(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <p className="lead">{t("withdrawalUi.startIntro")}</p>
      <div className="field">
        <label htmlFor={inputId}>{t("withdrawalUi.lastUse")}</label>
        <input
          id={inputId}
          type="datetime-local"
          value={lastUse}
          max={toDateTimeInput(new Date())}
          onChange={(event) => setLastUse(event.target.value)}
          aria-invalid={error?.field === "lastUseAt" ? true : undefined}
        />
        <p className="hint">{t("withdrawalUi.lastUseHint")}</p>
      </div>
      <ChoiceRow<OpioidType>
        legend={t("withdrawalUi.opioidType")}
        choices={opioidTypeSchema.options.map((value) => ({
          value,
          label: t(`withdrawalUi.opioid.${value}`),
        }))}
        value={opioidType}
        onChange={setOpioidType}
        error={error?.field === "opioidType" ? error.message : undefined}
      />
      {error?.field !== "opioidType" && <FormAlert message={error?.message} />}
      <button type="submit" className="button primary" disabled={saving}>
        {saving ? t("assessments.saving") : t("withdrawalUi.start")}
      </button>
      <p className="hint">{t("withdrawalUi.private")}</p>
    </form>
  );
}

function OpenEpisode({ episode, onEnded }: { episode: WithdrawalEpisode; onEnded: () => void }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const me = useMe();
  const from = localDayOf(new Date(episode.lastUseAt), me.timeZone);
  const { state, reload } = useLoad(
    () =>
      Promise.all([
        assessmentsApi.course(episode.opioidType, locale),
        assessmentsApi.list(me.id, { instrument: "sows", from }),
        // COWS ratings a clinician or supporter made during the episode, with their names.
        assessmentsApi.list(me.id, { instrument: "cows", from }),
        assessmentsApi.listInstruments(locale),
      ]),
    [episode.opioidType, locale, me.id, from],
  );
  const [confirming, setConfirming] = useState(false);
  const [ending, setEnding] = useState(false);
  const [error, setError] = useState<string>();
  const idempotencyKey = useRef(newIdempotencyKey());
  const hoursNow = hoursSinceLastUse(new Date(episode.lastUseAt), new Date());

  const end = async () => {
    setEnding(true);
    setError(undefined);
    try {
      await assessmentsApi.endEpisode(me.id, episode.id, idempotencyKey.current);
      onEnded();
    } catch (caught) {
      setError(describeError(caught, i18n).message);
      setEnding(false);
    }
  };

  if (state.status === "loading") return <Loading />;
  if (state.status === "failed") {
    return <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />;
  }
  const [course, list, observed, instruments] = state.value;
  const ratings = list.assessments.filter((rating) => rating.episodeId === episode.id);
  const observedRatings = observed.assessments.filter((rating) => rating.episodeId === episode.id);

  return (
    <>
      <p className="lead">
        {t("withdrawalUi.since", {
          hours: Math.floor(hoursNow),
          type: courseText(course, course.labelKey),
        })}
      </p>
      <Link href="/assessments/sows" className="button primary">
        {t("withdrawalUi.rateNow")}
      </Link>
      <WithdrawalCourseChart course={course} ratings={ratings} hoursNow={hoursNow} />
      <RaterList
        assessments={observedRatings}
        summary={instruments.instruments.find((instrument) => instrument.id === "cows")}
        titleKey="observedUi.episodeRatingsTitle"
      />
      <WithdrawalSafety course={course} />
      <section className="card stack">
        <h2>{t("withdrawalUi.endTitle")}</h2>
        <p>{t("withdrawalUi.endBody")}</p>
        <FormAlert message={error} />
        {confirming ? (
          <div className="actions-row">
            <button type="button" className="button primary" disabled={ending} onClick={end}>
              {t("withdrawalUi.endConfirm")}
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              {t("withdrawalUi.keepOpen")}
            </button>
          </div>
        ) : (
          <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
            {t("withdrawalUi.end")}
          </button>
        )}
      </section>
    </>
  );
}
