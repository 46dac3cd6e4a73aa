import { Link } from "wouter";
import type { MemberSummary } from "../../../domain/api/care";
import type { DataCategory } from "../../../domain/consent";
import { ApiError } from "../../api";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { formatDay } from "../../i18n/dates";
import { threadHref } from "../messages/api";
import { careApi, fhirUrl, reportPdfUrl } from "./api";
import { NoteForm } from "./components/NoteForm";
import { RecordSections } from "./components/RecordSections";
import { RewardsLink, SummaryRefused } from "./components/RewardsLink";
import { SuggestStepForm } from "./components/SuggestStepForm";
import { SummarySection } from "./components/SummarySection";
import { RedisclosureNotice } from "./RedisclosureNotice";

/** One member's summary for a clinician, only within the categories the member granted. */
export function MemberSummaryScreen({ memberId }: { memberId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  // The summary carries the categories it could show; the reader's own list of consents
  // names every category granted (visit notes and withdrawal ratings have no summary section).
  const { state, reload } = useLoad(
    () => Promise.all([careApi.summary(memberId), careApi.listConsents()]),
    [memberId],
  );
  const ended =
    state.status === "failed" &&
    state.error instanceof ApiError &&
    (state.error.status === 403 || state.error.status === 404);
  return (
    <div className="stack care">
      <ScreenHeading titleKey="care.summary.title">
        {state.status === "loaded"
          ? (state.value[0].member.displayName ?? t("care.caseload.unnamed"))
          : t("care.summary.title")}
      </ScreenHeading>
      <p>
        <Link href="/caseload">{t("care.summary.back")}</Link>
      </p>
      {state.status === "loading" && <Loading />}
      {ended && <SummaryRefused memberId={memberId} />}
      {state.status === "failed" && !ended && (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      )}
      {state.status === "loaded" && (
        <SummaryBody
          summary={state.value[0]}
          granted={grantedCategories(state.value[1].received, memberId, state.value[0])}
          memberId={memberId}
        />
      )}
    </div>
  );
}

function grantedCategories(
  received: { member: { id: string }; categories: DataCategory[] }[],
  memberId: string,
  summary: MemberSummary,
): Set<DataCategory> {
  const granted = new Set<DataCategory>(summary.categories);
  for (const consent of received) {
    if (consent.member.id === memberId) for (const c of consent.categories) granted.add(c);
  }
  return granted;
}

function SummaryBody({
  summary,
  granted,
  memberId,
}: {
  summary: MemberSummary;
  granted: Set<DataCategory>;
  memberId: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const day = (value: string) => formatDay(value, i18n.locale);
  const memberName = summary.member.displayName ?? t("care.caseload.unnamed");
  return (
    <>
      <RedisclosureNotice />
      <p className="hint">
        {t("care.summary.period", { from: day(summary.from), to: day(summary.to) })}
      </p>
      {granted.has("messages") && (
        <p>
          <Link href={threadHref.forClinician(memberId)} className="button secondary">
            {t("messages.caseload.open", { name: memberName })}
          </Link>
        </p>
      )}
      {granted.has("withdrawal") && (
        <p>
          <Link
            href={`/caseload/${encodeURIComponent(memberId)}/cows`}
            className="button secondary"
          >
            {t("care.summary.cows")}
          </Link>
        </p>
      )}
      {granted.has("rewards") && <RewardsLink memberId={memberId} />}
      {granted.has("lessons") && (
        <p>
          <Link
            href={`/caseload/${encodeURIComponent(memberId)}/lessons`}
            className="button secondary"
          >
            {t("lessons.assign.link")}
          </Link>
        </p>
      )}
      <RecordSections summary={summary} />
      {summary.plan !== null && (
        <SuggestStepForm memberId={memberId} memberName={memberName} plan={summary.plan} />
      )}
      {granted.has("notes") ? (
        <NoteForm memberId={memberId} />
      ) : (
        <SummarySection title={t("care.note.title")} shared={false}>
          {null}
        </SummarySection>
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
