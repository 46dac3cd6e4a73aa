import { Link } from "wouter";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { formatDay } from "../../i18n/dates";
import { threadHref } from "../messages/api";
import { careApi } from "./api";
import { RedisclosureNotice } from "./RedisclosureNotice";
import { keyedSentence } from "./words";

/** The clinician's people, the ones who need attention today first, each flag in words. */
export function CaseloadScreen() {
  const i18n = useI18n();
  const { t, tCount } = i18n;
  const { state, reload } = useLoad(() => careApi.caseload(), []);
  return (
    <div className="stack care">
      <ScreenHeading titleKey="care.caseload.title" />
      <p className="lead">{t("care.caseload.intro")}</p>
      {state.status === "loading" && <Loading />}
      {state.status === "failed" && (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      )}
      {state.status === "loaded" &&
        (state.value.members.length === 0 ? (
          <p>{t("care.caseload.none")}</p>
        ) : (
          <>
            <RedisclosureNotice />
            <ul className="care-list" aria-label={t("care.caseload.title")}>
              {[...state.value.members]
                .sort((a, b) => b.attention - a.attention)
                .map((entry) => (
                  <li key={entry.memberId}>
                    <Link href={`/caseload/${entry.memberId}`} className="card care-person">
                      <strong>{entry.displayName ?? t("care.caseload.unnamed")}</strong>
                      {entry.unreadMessages ? (
                        <span className="badge">
                          {tCount("messages.caseload.unread", entry.unreadMessages)}
                        </span>
                      ) : null}
                      {entry.flags.length === 0 ? (
                        <span className="hint">{t("care.caseload.noFlags")}</span>
                      ) : (
                        <span className="care-flags">
                          {entry.flags.map((flag) => (
                            <span key={flag.code} className={`care-flag ${flag.code}`}>
                              {keyedSentence(flag.messageKey, flag.params, i18n) ?? flag.code}
                            </span>
                          ))}
                        </span>
                      )}
                      {entry.lessons && (
                        <span className="hint">{t("care.caseload.lessons", entry.lessons)}</span>
                      )}
                      <span className="hint">
                        {entry.lastCheckinOn
                          ? t("care.caseload.lastCheckin", {
                              day: formatDay(entry.lastCheckinOn, i18n.locale),
                            })
                          : t("care.caseload.neverCheckedIn")}
                      </span>
                    </Link>
                    {entry.categories.includes("messages") && (
                      <Link
                        href={threadHref.forClinician(entry.memberId)}
                        className="care-messages-link"
                      >
                        {t("messages.caseload.open", {
                          name: entry.displayName ?? t("care.caseload.unnamed"),
                        })}
                      </Link>
                    )}
                  </li>
                ))}
            </ul>
          </>
        ))}
    </div>
  );
}
