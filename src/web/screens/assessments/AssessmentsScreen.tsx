import { Link } from "wouter";
import type { Assessment } from "../../../domain/api/assessments";
import { compareIso } from "../../../domain/iso-order";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useLoad } from "../../components/use-load";
import { type I18n, useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { formatLocalDay } from "../daily/days";
import { assessmentsApi } from "./api";
import { bandLabel, formatWhen, type InstrumentSummary } from "./words";

/** /assessments — every instrument, its last result and whether it is due. */
export function AssessmentsScreen() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const me = useMe();
  const { state, reload } = useLoad(
    () =>
      Promise.all([
        assessmentsApi.listInstruments(locale),
        assessmentsApi.list(me.id),
        assessmentsApi.list(me.id, { instrument: "sows" }),
        assessmentsApi.due(me.id),
      ]),
    [locale, me.id],
  );

  return (
    <div className="stack">
      <ScreenHeading titleKey="assessments.title" />
      <p className="lead">{t("assessments.intro")}</p>
      <Link href="/withdrawal" className="card tool-link withdrawal-link">
        <strong>{t("withdrawalUi.title")}</strong>
        <span className="hint">{t("withdrawalUi.linkHint")}</span>
      </Link>
      {state.status === "loading" && <Loading />}
      {state.status === "failed" && (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      )}
      {state.status === "loaded" && (
        <ul className="instrument-list" aria-label={t("assessments.listLabel")}>
          {state.value[0].instruments.map((instrument) => {
            const history = [...state.value[1].assessments, ...state.value[2].assessments];
            const due = state.value[3].due.find((entry) => entry.instrument === instrument.id);
            return (
              <li key={instrument.id} className="card stack tight">
                <h2>
                  <Link href={`/assessments/${instrument.id}`}>{instrument.title}</Link>
                </h2>
                {instrument.respondent === "clinician" && (
                  <p className="hint">{t("assessments.clinicianShort")}</p>
                )}
                <p className="hint">
                  {lastResultText(
                    history.filter((assessment) => assessment.instrument === instrument.id),
                    instrument,
                    i18n,
                  )}
                </p>
                {due && (
                  <p className={due.due ? "status-line" : "hint"}>
                    {due.due
                      ? t("assessments.dueNow")
                      : t("assessments.dueOn", {
                          date: formatLocalDay(due.dueOn, locale, {
                            month: "short",
                            day: "numeric",
                          }),
                        })}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function lastResultText(history: Assessment[], instrument: InstrumentSummary, i18n: I18n) {
  const last = [...history].sort((a, b) => compareIso(b.at, a.at))[0];
  if (!last) return i18n.t("assessments.neverTaken");
  const when = formatWhen(last.at, i18n.locale);
  const band = bandLabel(instrument, last.score.band?.code);
  if (last.score.total === null) return i18n.t("assessments.lastTakenNoTotal", { when });
  return band
    ? i18n.t("assessments.lastResultBand", { when, score: last.score.total, band })
    : i18n.t("assessments.lastResult", { when, score: last.score.total });
}
