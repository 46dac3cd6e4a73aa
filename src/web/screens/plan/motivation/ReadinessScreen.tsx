import { type FormEvent, lazy, Suspense, useCallback, useId, useState } from "react";
import type { ReadinessRating } from "../../../../domain/api/plan";
import type { ChangeStage } from "../../../../domain/readiness";
import { describeError } from "../../../components/api-error";
import { ErrorState } from "../../../components/ErrorState";
import { FormAlert } from "../../../components/FormAlert";
import { Loading } from "../../../components/Loading";
import { ScreenHeading } from "../../../components/ScreenHeading";
import { useI18n } from "../../../i18n/context";
import { formatInstantDay } from "../../../i18n/dates";
import type { MessageKey } from "../../../i18n/translate";
import { BackToPlan } from "../PlanLinks";
import { useLoad } from "../use-load";
import { usePlanApi } from "../use-plan-api";

// uPlot is only fetched by people who open this screen.
const ReadinessChart = lazy(() =>
  import("./ReadinessChart").then((module) => ({ default: module.ReadinessChart })),
);

const RULERS = ["importance", "confidence", "readiness"] as const;
type Ruler = (typeof RULERS)[number];

/** The readiness ruler: three 0–10 answers, their history, and the stage they suggest. */
export function ReadinessScreen() {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const api = usePlanApi();
  const { load, reload, retry } = useLoad(api.listReadiness);
  const [scores, setScores] = useState<Record<Ruler, number> | null>(null);
  const [note, setNote] = useState("");
  const [isSaving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<ReadinessRating | null>(null);
  const id = useId();

  const latest = load.status === "loaded" ? load.data.ratings[0] : undefined;
  // Starts where the person last was, or in the middle of the ruler.
  const shown: Record<Ruler, number> = scores ?? {
    importance: latest?.importance ?? 5,
    confidence: latest?.confidence ?? 5,
    readiness: latest?.readiness ?? 5,
  };

  const submit = useCallback(
    async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (isSaving) return;
      setSaving(true);
      setError(undefined);
      try {
        const rating = await api.recordReadiness({
          ...shown,
          ...(note.trim() ? { note: note.trim() } : {}),
        });
        setSaved(rating);
        setNote("");
        setScores(null);
        await reload().catch(() => undefined);
      } catch (caught) {
        setError(describeError(caught, i18n).message);
      } finally {
        setSaving(false);
      }
    },
    [api, shown, note, isSaving, reload, i18n],
  );

  return (
    <div className="stack readiness">
      <BackToPlan />
      <ScreenHeading titleKey="readiness.title" />
      <p className="lead">{t("readiness.intro")}</p>
      {load.status === "loading" && <Loading />}
      {load.status === "failed" && (
        <ErrorState message={describeError(load.error, i18n).message} onRetry={retry} />
      )}
      {load.status === "loaded" && load.data.currentStage && (
        <StageCard stage={load.data.currentStage} />
      )}
      <form className="card stack" noValidate onSubmit={submit} aria-busy={isSaving}>
        <h2>{t("readiness.formHeading")}</h2>
        {RULERS.map((ruler) => (
          <div key={ruler} className="field ruler">
            <label htmlFor={`${id}-${ruler}`}>{t(`readiness.q.${ruler}` as MessageKey)}</label>
            <div className="ruler-row">
              <input
                id={`${id}-${ruler}`}
                type="range"
                min={0}
                max={10}
                step={1}
                value={shown[ruler]}
                aria-valuetext={t("readiness.valueText", { value: shown[ruler] })}
                onChange={(event) => setScores({ ...shown, [ruler]: Number(event.target.value) })}
              />
              <output htmlFor={`${id}-${ruler}`} aria-hidden="true">
                {shown[ruler]}
              </output>
            </div>
            <p className="ruler-ends" aria-hidden="true">
              <span>{t("readiness.low")}</span>
              <span>{t("readiness.high")}</span>
            </p>
          </div>
        ))}
        <label className="field">
          <span>{t("readiness.note")}</span>
          <textarea
            rows={2}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <FormAlert message={error} />
        <button type="submit" className="button primary" disabled={isSaving}>
          {isSaving ? t("readiness.saving") : t("readiness.save")}
        </button>
        <p role="status" className="saved-note">
          {saved ? t("readiness.saved", { date: formatDateTime(saved.recordedAt) }) : ""}
        </p>
      </form>
      {load.status === "loaded" && load.data.ratings.length > 0 && (
        <History ratings={load.data.ratings} />
      )}
    </div>
  );
}

function StageCard({ stage }: { stage: ChangeStage }) {
  const { t } = useI18n();
  return (
    <section className="card stage-card" aria-labelledby="stage-heading">
      <h2 id="stage-heading">{t(`readiness.stage.${stage}.title` as MessageKey)}</h2>
      <p>{t(`readiness.stage.${stage}.body` as MessageKey)}</p>
    </section>
  );
}

function History({ ratings }: { ratings: ReadinessRating[] }) {
  const { t, tCount, locale } = useI18n();
  const newest = ratings[0];
  const oldest = ratings[ratings.length - 1];
  if (!newest || !oldest) return null;
  const day = (iso: string) => formatInstantDay(iso, locale);
  return (
    <section className="stack" aria-labelledby="readiness-history">
      <h2 id="readiness-history">{t("readiness.historyHeading")}</h2>
      <p>
        {ratings.length === 1
          ? t("readiness.summaryOne", {
              date: day(newest.recordedAt),
              importance: newest.importance,
              confidence: newest.confidence,
              readiness: newest.readiness,
            })
          : tCount("readiness.summary", ratings.length, {
              date: day(oldest.recordedAt),
              importanceFrom: oldest.importance,
              importanceTo: newest.importance,
              confidenceFrom: oldest.confidence,
              confidenceTo: newest.confidence,
              readinessFrom: oldest.readiness,
              readinessTo: newest.readiness,
            })}
      </p>
      <Suspense fallback={<Loading />}>
        <ReadinessChart ratings={ratings} />
      </Suspense>
      <details>
        <summary>{t("readiness.allRatings")}</summary>
        <ul className="rating-list">
          {ratings.map((rating) => (
            <li key={rating.id}>
              <strong>{day(rating.recordedAt)}</strong>{" "}
              {t("readiness.ratingLine", {
                importance: rating.importance,
                confidence: rating.confidence,
                readiness: rating.readiness,
              })}
              {rating.note && <span className="hint"> — {rating.note}</span>}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
