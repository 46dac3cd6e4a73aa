import { useId } from "react";
import { Link } from "wouter";
import type { Consent } from "../../../domain/api/care";
import { ApiError } from "../../api";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { askedAgo } from "../../i18n/dates";
import { threadHref } from "../messages/api";
import { careApi, type SupporterView } from "./api";
import { RedisclosureNotice } from "./RedisclosureNotice";

interface Supported {
  memberId: string;
  name: string | null;
  purpose: string;
  /** They share messages with this supporter: the card opens the thread. */
  messages: boolean;
  /** Null when the person shared nothing this view can show (no check-ins, no lapses). */
  view: SupporterView | null;
}

/** Everyone who shares with this supporter, each with their narrow view; never the record. */
async function loadSupported(): Promise<Supported[]> {
  const { received } = await careApi.listConsents();
  const byMember = new Map<string, Consent>();
  const messaging = new Set<string>();
  for (const consent of received) {
    byMember.set(consent.member.id, consent);
    if (consent.categories.includes("messages")) messaging.add(consent.member.id);
  }
  return Promise.all(
    [...byMember.values()].map(async (consent) => {
      const base = {
        memberId: consent.member.id,
        name: consent.member.displayName,
        purpose: consent.purpose,
        messages: messaging.has(consent.member.id),
      };
      try {
        return { ...base, view: await careApi.supporterView(consent.member.id) };
      } catch (error) {
        if (error instanceof ApiError && error.status === 403) return { ...base, view: null };
        throw error;
      }
    }),
  );
}

/**
 * A supporter's screen: who asked for support (they come first), did each person check in
 * today, was a lapse recorded this week.
 */
export function SupportingScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const { state, reload } = useLoad(loadSupported, []);
  return (
    <div className="stack care">
      <ScreenHeading titleKey="care.supporting.title" />
      <p className="lead">{t("care.supporting.intro")}</p>
      {state.status === "loading" && <Loading />}
      {state.status === "failed" && (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      )}
      {state.status === "loaded" &&
        (state.value.length === 0 ? (
          <p>{t("care.supporting.none")}</p>
        ) : (
          <>
            <RedisclosureNotice />
            <ul className="care-list">
              {[...state.value]
                .sort(
                  (a, b) =>
                    Number(b.view?.askedForSupport != null) -
                      Number(a.view?.askedForSupport != null) ||
                    (a.name ?? "").localeCompare(b.name ?? "", i18n.locale),
                )
                .map((person) => (
                  <li key={person.memberId}>
                    <SupportedCard person={person} />
                  </li>
                ))}
            </ul>
          </>
        ))}
    </div>
  );
}

function SupportedCard({ person }: { person: Supported }) {
  const { t, locale } = useI18n();
  const id = useId();
  const { view } = person;
  const name = person.name ?? t("care.caseload.unnamed");
  const asked = view?.askedForSupport ?? null;
  // When they asked for support, the way to answer sits right in the alert.
  const messageLink = person.messages && (
    <Link href={threadHref.forSupporter(person.memberId)} className="button secondary">
      {t("messages.supporting.open", { name })}
    </Link>
  );
  return (
    <article className="card stack" aria-labelledby={id}>
      <h2 id={id}>{name}</h2>
      {view === null ? (
        <p>{t("care.supporting.nothingShared")}</p>
      ) : (
        <ul className="care-signals">
          {asked && (
            <li className="care-signal attention stack tight">
              <span>{t("care.supporting.asked", { name, ago: askedAgo(asked.at, locale) })}</span>
              {messageLink}
            </li>
          )}
          <li className={view.checkedInToday ? "care-signal good" : "care-signal"}>
            {view.checkedInToday === null
              ? t("care.supporting.checkinsNotShared")
              : view.checkedInToday
                ? t("care.supporting.checkedIn")
                : t("care.supporting.notCheckedIn")}
          </li>
          <li className={view.lapseRecorded ? "care-signal attention" : "care-signal"}>
            {view.lapseRecorded === null
              ? t("care.supporting.useNotShared")
              : view.lapseRecorded
                ? t("care.supporting.lapse")
                : t("care.supporting.noLapse")}
          </li>
        </ul>
      )}
      {messageLink && !asked && <p>{messageLink}</p>}
      <p className="hint">{t("care.supporting.why", { purpose: person.purpose })}</p>
    </article>
  );
}
