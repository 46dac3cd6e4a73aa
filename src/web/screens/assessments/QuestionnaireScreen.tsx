import { useCallback, useLayoutEffect, useRef, useState } from "react";
import { Link, useLocation } from "wouter";
import type { Assessment } from "../../../domain/api/assessments";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useFormSubmit } from "../../components/use-form-submit";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { newIdempotencyKey } from "../daily/api";
import { assessmentsApi } from "./api";
import { QuestionnaireForm } from "./QuestionnaireForm";
import {
  type Answers,
  asksAboutSelfHarm,
  clearDraft,
  isCrisisAnswer,
  loadDraft,
  type Questionnaire,
  saveDraft,
} from "./questionnaire";
import { RaterList } from "./RaterList";
import { ResultPanel } from "./ResultPanel";
import { TrendPanel } from "./TrendPanel";
import type { InstrumentSummary } from "./words";

/** /assessments/:instrumentId — any instrument, its result, and its scores over time. */
export function QuestionnaireScreen({ instrumentId }: { instrumentId: string }) {
  const i18n = useI18n();
  const { locale } = i18n;
  const me = useMe();
  const { state, reload } = useLoad(
    () =>
      Promise.all([
        assessmentsApi.getInstrument(instrumentId, locale),
        assessmentsApi.listInstruments(locale),
        assessmentsApi.list(me.id, { instrument: instrumentId }),
      ]),
    [instrumentId, locale, me.id],
  );

  if (state.status === "loading") return <Loading />;
  if (state.status === "failed") {
    return (
      <div className="stack">
        <ScreenHeading titleKey="assessments.title" />
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
        <Link href="/assessments">{i18n.t("assessments.allCheckins")}</Link>
      </div>
    );
  }
  const [questionnaire, list, history] = state.value;
  return (
    <Taking
      questionnaire={questionnaire}
      summary={list.instruments.find((instrument) => instrument.id === instrumentId)}
      history={history.assessments}
    />
  );
}

function Taking({
  questionnaire,
  summary,
  history,
}: {
  questionnaire: Questionnaire;
  summary: InstrumentSummary | undefined;
  history: Assessment[];
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const [, navigate] = useLocation();
  const instrumentId = questionnaire.id;
  const [answers, setAnswers] = useState<Answers>(() => loadDraft(instrumentId));
  const form = useFormSubmit([]);
  const [result, setResult] = useState<Assessment>();
  const [responses, setResponses] = useState(history);
  const idempotencyKey = useRef(newIdempotencyKey());
  const resultRef = useRef<HTMLDivElement>(null);

  const openCrisisScreen = useCallback(
    () => navigate("/help", { state: { from: "assessment", instrument: instrumentId } }),
    [navigate, instrumentId],
  );

  const onAnswer = (linkId: string, value: number) => {
    const next = { ...answers, [linkId]: value };
    setAnswers(next);
    saveDraft(instrumentId, next);
    // Safety before anything else: the answers stay in the draft, so nothing is lost.
    if (isCrisisAnswer(instrumentId, linkId, value)) openCrisisScreen();
  };

  const onSubmit = () =>
    form.send(async () => {
      const saved = await assessmentsApi.submit(
        me.id,
        { instrument: instrumentId, answers },
        idempotencyKey.current,
      );
      clearDraft(instrumentId);
      setResponses((previous) => [...previous, saved]);
      setResult(saved);
      if (saved.score.flags.includes("crisis")) openCrisisScreen();
    });

  useLayoutEffect(() => {
    if (result) resultRef.current?.querySelector("h2")?.focus();
  }, [result]);

  const again = () => {
    idempotencyKey.current = newIdempotencyKey();
    setAnswers({});
    setResult(undefined);
  };

  return (
    <div className="stack">
      <ScreenHeading titleKey="assessments.title">{questionnaire.title}</ScreenHeading>
      {summary?.respondent === "clinician" && <p className="hint">{t("assessments.clinician")}</p>}
      {summary?.spanish === "waymark-unvalidated" && i18n.locale === "es" && (
        <p className="hint">{t("assessments.unvalidatedSpanish")}</p>
      )}
      {instrumentId === "sows" && (
        <p>
          <Link href="/withdrawal">{t("assessments.openTracker")}</Link>
        </p>
      )}
      {!result && asksAboutSelfHarm(instrumentId) && (
        <div className="card stack tight crisis-note">
          <p>{t("assessments.notWatched")}</p>
          <Link href="/help">{t("assessments.notWatchedLink")}</Link>
        </div>
      )}
      {!result &&
        Object.entries(answers).some(([linkId, value]) =>
          isCrisisAnswer(instrumentId, linkId, value),
        ) && (
          <div className="card stack tight crisis-note">
            <p>{t("assessments.crisisNote")}</p>
            <Link href="/help">{t("assessments.crisisLink")}</Link>
          </div>
        )}
      {result ? (
        <div ref={resultRef}>
          <ResultPanel assessment={result} summary={summary} onAgain={again} />
        </div>
      ) : (
        <QuestionnaireForm
          questionnaire={questionnaire}
          answers={answers}
          onAnswer={onAnswer}
          onSubmit={onSubmit}
          submitting={form.isSubmitting}
          error={form.formError}
        />
      )}
      <TrendPanel assessments={responses} summary={summary} />
      {summary?.respondent === "clinician" && (
        <RaterList assessments={responses} summary={summary} />
      )}
    </div>
  );
}
