import { useId, useLayoutEffect, useRef, useState } from "react";
import { Link } from "wouter";
import type { Assessment } from "../../../domain/api/assessments";
import { ApiError } from "../../api";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useFormSubmit } from "../../components/use-form-submit";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { newIdempotencyKey } from "../daily/api";
import { assessmentsApi } from "./api";
import { QuestionnaireForm } from "./QuestionnaireForm";
import { type Answers, type Questionnaire, questionsOf, unansweredRequired } from "./questionnaire";
import { bandLabel, type InstrumentSummary } from "./words";

const INSTRUMENT = "cows";

/**
 * /caseload/:memberId/cows — a clinician or trained supporter rates a person's withdrawal
 * signs (COWS) under a grant naming "withdrawal"; the server decides, this screen only asks.
 * Answers stay in memory, not in the tab's storage: staff devices are shared.
 */
export function RecordObservedScreen({ memberId }: { memberId: string }) {
  const i18n = useI18n();
  const { locale } = i18n;
  const { state, reload } = useLoad(
    () =>
      Promise.all([
        assessmentsApi.getInstrument(INSTRUMENT, locale),
        assessmentsApi.listInstruments(locale),
        // The name only when the person shared their profile; otherwise "this person".
        assessmentsApi.profile(memberId).then(
          (profile) => profile.displayName,
          () => null,
        ),
      ]),
    [memberId, locale],
  );

  if (state.status === "loading") return <Loading />;
  if (state.status === "failed") {
    return (
      <div className="stack">
        <ScreenHeading titleKey="observedUi.title" />
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      </div>
    );
  }
  const [questionnaire, list, name] = state.value;
  return (
    <Rating
      memberId={memberId}
      name={name}
      questionnaire={questionnaire}
      summary={list.instruments.find((instrument) => instrument.id === INSTRUMENT)}
    />
  );
}

function Rating({
  memberId,
  name,
  questionnaire,
  summary,
}: {
  memberId: string;
  name: string | null;
  questionnaire: Questionnaire;
  summary: InstrumentSummary | undefined;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [answers, setAnswers] = useState<Answers>({});
  const form = useFormSubmit([]);
  const [saved, setSaved] = useState<Assessment>();
  const idempotencyKey = useRef(newIdempotencyKey());
  const savedRef = useRef<HTMLElement>(null);
  const screenRef = useRef<HTMLDivElement>(null);
  const whose = name ? t("observedUi.for", { name }) : t("observedUi.forSomeone");

  useLayoutEffect(() => {
    if (saved) savedRef.current?.querySelector("h2")?.focus();
  }, [saved]);

  const onSubmit = async () => {
    const open = unansweredRequired(questionnaire, answers);
    if (open.length > 0) {
      const total = questionsOf(questionnaire).length;
      form.setError({ message: t("observedUi.rateAll", { n: total - open.length, total }) });
      return;
    }
    await form.send(
      async () =>
        setSaved(
          await assessmentsApi.submit(
            memberId,
            { instrument: INSTRUMENT, answers },
            idempotencyKey.current,
          ),
        ),
      {
        // Refused: no live grant naming withdrawal (or it just ended). Say what is missing.
        describe: (caught) =>
          caught instanceof ApiError && caught.status === 403
            ? { message: t("observedUi.notShared") }
            : describeError(caught, i18n),
      },
    );
  };

  const again = () => {
    idempotencyKey.current = newIdempotencyKey();
    setAnswers({});
    setSaved(undefined);
    // The button goes away with the result; start the next rating from the screen's heading.
    screenRef.current?.querySelector<HTMLElement>("h1")?.focus();
  };

  return (
    <div className="stack" ref={screenRef}>
      <ScreenHeading titleKey="observedUi.title">{questionnaire.title}</ScreenHeading>
      <p className="lead">{whose}</p>
      <p className="hint">{t("observedUi.intro")}</p>
      {summary?.spanish === "waymark-unvalidated" && i18n.locale === "es" && (
        <p className="hint">{t("assessments.unvalidatedSpanish")}</p>
      )}
      {saved ? (
        <SavedRating sectionRef={savedRef} saved={saved} summary={summary} whose={whose} />
      ) : (
        <QuestionnaireForm
          questionnaire={questionnaire}
          answers={answers}
          onAnswer={(linkId, value) => setAnswers((previous) => ({ ...previous, [linkId]: value }))}
          onSubmit={onSubmit}
          submitting={form.isSubmitting}
          error={form.formError}
          submitLabel={t("observedUi.save")}
        />
      )}
      <div className="actions-row">
        {saved && (
          <button type="button" className="button secondary" onClick={again}>
            {t("observedUi.again")}
          </button>
        )}
        <Link href={`/caseload/${encodeURIComponent(memberId)}`} className="button secondary">
          {t("observedUi.back")}
        </Link>
      </div>
    </div>
  );
}

function SavedRating({
  sectionRef,
  saved,
  summary,
  whose,
}: {
  sectionRef: React.Ref<HTMLElement>;
  saved: Assessment;
  summary: InstrumentSummary | undefined;
  whose: string;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const { score } = saved;
  const band = bandLabel(summary, score.band?.code);
  return (
    <section ref={sectionRef} className="card stack result-card" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {t("observedUi.savedTitle")}
      </h2>
      <p>{whose}</p>
      {score.total !== null && score.totalRange && (
        <p className="result-score">
          <span className="result-total">{score.total}</span>{" "}
          {t("assessments.outOf", { min: score.totalRange.min, max: score.totalRange.max })}
        </p>
      )}
      <p className="result-band">
        {band ? t("assessments.band", { band }) : t("observedUi.belowBands")}
      </p>
      <p className="hint">{t("observedUi.savedNote")}</p>
    </section>
  );
}
