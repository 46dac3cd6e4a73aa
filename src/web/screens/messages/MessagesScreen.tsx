import { useEffect } from "react";
import { Link } from "wouter";
import type { ThreadSummary } from "../../../domain/api/messages";
import { MESSAGE_POLL_MS } from "../../../domain/messages";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { timeAgo } from "../../i18n/dates";
import type { MessageKey } from "../../i18n/translate";
import { messagesApi, threadHref } from "./api";

/** The member's conversations with the people they share messages with. */
export function MessagesScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const { state, reload } = useLoad(() => messagesApi.threads(), [], {
    keepWhileReloading: true,
  });
  // Unread counts stay current while the list is open and in view.
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") reload();
    }, MESSAGE_POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  return (
    <div className="stack messages">
      <ScreenHeading titleKey="messages.title" />
      <p className="lead">{t("messages.intro")}</p>
      <section className="stack tight" aria-labelledby="messages-heading">
        <h2 id="messages-heading">{t("messages.section.messages")}</h2>
        {state.status === "loading" && <Loading />}
        {state.status === "failed" && (
          <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
        )}
        {state.status === "loaded" &&
          (state.value.threads.length === 0 ? (
            <div className="card stack tight">
              <h3>{t("messages.empty.title")}</h3>
              <p>{t("messages.empty.text")}</p>
              <p>
                <Link href="/settings/sharing" className="button primary">
                  {t("messages.empty.share")}
                </Link>
              </p>
            </div>
          ) : (
            <ul className="thread-list">
              {state.value.threads.map((thread) => (
                <li key={thread.person.id}>
                  <ThreadLink thread={thread} />
                </li>
              ))}
            </ul>
          ))}
      </section>
      <ReachCard
        titleKey="messages.section.group"
        textKey="messages.group.text"
        linkKey="messages.group.open"
        href="/peer-group"
      />
      <ReachCard
        titleKey="messages.section.call"
        textKey="messages.call.text"
        linkKey="messages.call.open"
        href="/people"
      />
    </div>
  );
}

/** Another way to reach people, one tap from the same screen. */
function ReachCard(props: {
  titleKey: MessageKey;
  textKey: MessageKey;
  linkKey: MessageKey;
  href: string;
}) {
  const { t } = useI18n();
  return (
    <section className="card stack tight">
      <h2>{t(props.titleKey)}</h2>
      <p>{t(props.textKey)}</p>
      <p>
        <Link href={props.href} className="button secondary">
          {t(props.linkKey)}
        </Link>
      </p>
    </section>
  );
}

function ThreadLink({ thread }: { thread: ThreadSummary }) {
  const { t, tCount, locale } = useI18n();
  const name = thread.person.displayName ?? t("messages.unnamed");
  return (
    <Link href={threadHref.forMember(thread.person.id)} className="card thread-link">
      <strong>{name}</strong>
      {thread.unread > 0 && (
        <span className="badge">{tCount("messages.unread", thread.unread)}</span>
      )}
      <span className="hint">
        {thread.lastMessageAt
          ? t("messages.lastMessage", { ago: timeAgo(thread.lastMessageAt, locale) })
          : t("messages.noMessagesYet")}
      </span>
      {!thread.canSend && <span className="hint">{t("messages.notSharing")}</span>}
    </Link>
  );
}
