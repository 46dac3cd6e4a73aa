import { Link } from "wouter";
import { compareIso } from "../../../domain/iso-order";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { timeAgo } from "../../i18n/dates";
import { careApi } from "./api";
import { keyedSentence, whatWords } from "./words";

/** Who looked at the member's information, in plain words, newest first. */
export function AccessLogScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const { state, reload } = useLoad(() => careApi.accessLog(), []);
  return (
    <div className="stack care">
      <ScreenHeading titleKey="care.log.title" />
      <p className="lead">{t("care.log.intro")}</p>
      {state.status === "loading" && <Loading />}
      {state.status === "failed" && (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      )}
      {state.status === "loaded" &&
        (state.value.events.length === 0 ? (
          <p>{t("care.log.none")}</p>
        ) : (
          <ul className="care-list care-log">
            {[...state.value.events]
              .sort((a, b) => compareIso(b.at, a.at))
              .map((event) => {
                const sentence =
                  keyedSentence(
                    event.description.key,
                    {
                      actor: event.who.displayName ?? event.description.params.actor,
                      what: whatWords(event.description.params.what, i18n),
                    },
                    i18n,
                  ) ?? event.description.key;
                const why = event.why ? ` · ${event.why}` : "";
                return (
                  <li
                    key={`${event.at}-${event.who.id}-${event.verb}-${event.resource}`}
                    className={`card ${event.outcome}`}
                  >
                    {sentence}
                    {why} ·{" "}
                    <time dateTime={event.at} title={i18n.formatDateTime(event.at)}>
                      {timeAgo(event.at, i18n.locale)}
                    </time>
                  </li>
                );
              })}
          </ul>
        ))}
      <p>
        <Link href="/settings/sharing">{t("care.log.back")}</Link>
      </p>
    </div>
  );
}
