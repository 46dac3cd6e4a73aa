import { type FormEvent, type ReactNode, useId, useState } from "react";
import { Link } from "wouter";
import type { MemberSummary } from "../../../domain/api/care";
import { ApiError } from "../../api";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { FormAlert } from "../../components/FormAlert";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { careApi, fhirUrl, reportPdfUrl } from "./api";
import { RedisclosureNotice } from "./RedisclosureNotice";
import { formatDay } from "./words";

/** One member's summary for a clinician, only within the categories the member granted. */
export function MemberSummaryScreen({ memberId }: { memberId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { state, reload } = useLoad(() => careApi.summary(memberId), [memberId]);
  const ended =
    state.status === "failed" &&
    state.error instanceof ApiError &&
    (state.error.status === 403 || state.error.status === 404);
  return (
    <div className="stack care">
      <ScreenHeading titleKey="care.summary.title">
        {state.status === "loaded"
          ? (state.value.member.displayName ?? t("care.caseload.unnamed"))
          : t("care.summary.title")}
      </ScreenHeading>
      <p>
        <Link href="/caseload">{t("care.summary.back")}</Link>
      </p>
      {state.status === "loading" && <Loading />}
      {ended && (
        <p className="alert" role="alert">
          {t("care.summary.ended")}
        </p>
      )}
      {state.status === "failed" && !ended && (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      )}
      {state.status === "loaded" && <SummaryBody summary={state.value} memberId={memberId} />}
    </div>
  );
}

function SummaryBody({ summary, memberId }: { summary: MemberSummary; memberId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const day = (value: string) => formatDay(value, i18n.locale);
  return (
    <>
      <RedisclosureNotice />
      <p className="hint">
        {t("care.summary.period", { from: day(summary.from), to: day(summary.to) })}
      </p>
      <Section title={t("care.summary.checkins")} shared={summary.checkins !== null}>
        {summary.checkins && summary.checkins.length === 0 && <p>{t("care.summary.noCheckins")}</p>}
        {summary.checkins && summary.checkins.length > 0 && (
          <ul className="care-rows">
            {[...summary.checkins]
              .sort((a, b) => b.day.localeCompare(a.day))
              .map((checkin) => (
                <li key={checkin.day}>
                  <span>{day(checkin.day)}</span>
                  <span>
                    {t("care.summary.checkinRow", { mood: checkin.mood, craving: checkin.craving })}
                    {checkin.used ? ` · ${t("care.summary.used")}` : ""}
                  </span>
                </li>
              ))}
          </ul>
        )}
      </Section>
      <Section title={t("care.summary.cravings")} shared={summary.cravings !== null}>
        {summary.cravings && summary.cravings.length === 0 && <p>{t("care.summary.noCravings")}</p>}
        {summary.cravings && summary.cravings.length > 0 && (
          <ul className="care-rows">
            {[...summary.cravings]
              .sort((a, b) => b.day.localeCompare(a.day))
              .map((craving) => (
                <li key={craving.day}>
                  <span>{day(craving.day)}</span>
                  <span>
                    {t("care.summary.cravingRow", {
                      count: craving.count,
                      max: craving.maxIntensity,
                    })}
                  </span>
                </li>
              ))}
          </ul>
        )}
      </Section>
      <Section title={t("care.summary.use")} shared={summary.lapses !== null}>
        {summary.lapses && (
          <p>
            {summary.lapses.length === 0
              ? t("care.summary.noLapses")
              : t("care.summary.lapses", {
                  days: summary.lapses.map((lapse) => day(lapse.day)).join(", "),
                })}
          </p>
        )}
      </Section>
      <Section title={t("care.summary.plan")} shared={summary.plan !== null}>
        {summary.plan && summary.plan.goals.length === 0 && <p>{t("care.summary.noPlan")}</p>}
        {summary.plan && summary.plan.goals.length > 0 && (
          <ul>
            {summary.plan.goals.map((goal) => (
              <li key={goal.id}>
                {goal.title}
                <ul>
                  {summary.plan?.steps
                    .filter((step) => step.goalId === goal.id)
                    .map((step) => (
                      <li key={step.id}>{step.title}</li>
                    ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t("care.summary.medication")} shared={summary.doses !== null}>
        {summary.doses && (
          <p>
            {t("care.summary.doses", { taken: summary.doses.taken, missed: summary.doses.missed })}
          </p>
        )}
      </Section>
      <Section title={t("care.summary.assessments")} shared={summary.assessments !== null}>
        {summary.assessments && summary.assessments.length === 0 && (
          <p>{t("care.summary.noAssessments")}</p>
        )}
        {summary.assessments && summary.assessments.length > 0 && (
          <ul>
            {summary.assessments.map((assessment) => (
              <li key={assessment.id}>
                {t("care.summary.score", {
                  instrument: assessment.instrumentId.toUpperCase(),
                  score: assessment.total ?? "—",
                })}{" "}
                · {i18n.formatDateTime(assessment.at)}
              </li>
            ))}
          </ul>
        )}
      </Section>
      {summary.categories.includes("notes") ? (
        <NoteForm memberId={memberId} />
      ) : (
        <Section title={t("care.note.title")} shared={false}>
          {null}
        </Section>
      )}
      <section className="stack">
        <h2>{t("care.summary.exports")}</h2>
        <ul className="link-list">
          <li>
            <a href={reportPdfUrl(memberId)} target="_blank" rel="noopener">
              {t("care.summary.pdf")}
            </a>
          </li>
          <li>
            <a href={fhirUrl(memberId)} download="waymark-fhir.json">
              {t("care.summary.fhir")}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}

function Section({
  title,
  shared,
  children,
}: {
  title: string;
  shared: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {shared ? children : <p className="care-not-shared">{t("care.summary.notShared")}</p>}
    </section>
  );
}

function NoteForm({ memberId }: { memberId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      await careApi.createNote(memberId, body);
      setBody("");
      setSaved(true);
    } catch (caught) {
      setError(describeError(caught, i18n).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{t("care.note.title")}</h2>
      <form className="stack" noValidate onSubmit={submit} aria-busy={busy}>
        <FormAlert message={error} />
        <div className="field">
          <label htmlFor={`${id}-body`}>{t("care.note.label")}</label>
          <textarea
            id={`${id}-body`}
            rows={4}
            maxLength={4000}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
        </div>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t("care.note.saving") : t("care.note.save")}
        </button>
        {saved && (
          <p className="care-done" role="status">
            {t("care.note.saved")}
          </p>
        )}
      </form>
    </section>
  );
}
