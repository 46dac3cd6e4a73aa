import { useCallback, useRef, useState } from "react";
import { Link } from "wouter";
import type { Message, MessageThread } from "../../../domain/api/messages";
import { ApiError } from "../../api";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useI18n } from "../../i18n/context";
import { RedisclosureNotice } from "../care/RedisclosureNotice";
import { Composer } from "./components/Composer";
import { MessageList } from "./components/MessageList";
import { useThread } from "./use-thread";

/** Which side of the thread this screen is on, and where "back" goes. */
export type ThreadSide =
  | { side: "member"; memberId: string; personId: string }
  | { side: "clinician" | "supporter"; memberId: string; personId: string };

/**
 * One conversation, for the member (their copy, kept after they stop sharing) or for the
 * clinician or supporter they share messages with (a Part 2 disclosure: the notice shows).
 * New messages from the other side are announced politely while the screen is open.
 */
export function ThreadScreen(props: ThreadSide) {
  const i18n = useI18n();
  const { t } = i18n;
  const { memberId, personId, side } = props;
  const [announcement, setAnnouncement] = useState("");
  const name = useRef("");
  const onArrived = useCallback(
    (fresh: Message[]) =>
      setAnnouncement(
        fresh.length === 1
          ? t("messages.thread.arrivedOne", { name: name.current, body: fresh[0]?.body ?? "" })
          : t("messages.thread.arrivedMany", { name: name.current, count: fresh.length }),
      ),
    [t],
  );
  const { state, addSent, retry } = useThread(memberId, personId, onArrived);
  const thread = state.status === "loaded" ? state.thread : null;
  const otherName = thread ? nameOf(thread, side, t("messages.unnamed")) : "";
  name.current = otherName;
  const ended =
    state.status === "failed" &&
    state.error instanceof ApiError &&
    (state.error.status === 403 || state.error.status === 404);
  return (
    <div className="stack messages">
      <ScreenHeading titleKey="messages.thread.title">
        {thread ? t("messages.thread.heading", { name: otherName }) : t("messages.thread.title")}
      </ScreenHeading>
      <p>
        <Link href={backHref(props)}>{t(`messages.back.${side}`)}</Link>
      </p>
      {state.status === "loading" && <Loading />}
      {ended && (
        <p className="alert" role="alert">
          {side === "member" ? t("messages.thread.notFound") : t("messages.thread.ended")}
        </p>
      )}
      {state.status === "failed" && !ended && (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={retry} />
      )}
      {thread && (
        <>
          {side !== "member" && <RedisclosureNotice />}
          {thread.messages.length === 0 ? (
            <p className="hint">{t("messages.thread.empty", { name: otherName })}</p>
          ) : (
            <>
              {thread.earlier && <p className="hint">{t("messages.thread.earlier")}</p>}
              <MessageList messages={thread.messages} otherName={otherName} />
            </>
          )}
          {thread.canSend ? (
            <Composer memberId={memberId} personId={personId} onSent={addSent} />
          ) : (
            <p className="card">
              {t("messages.thread.stoppedSharing", { name: otherName })}{" "}
              <Link href="/settings/sharing">{t("messages.thread.sharingLink")}</Link>
            </p>
          )}
        </>
      )}
      {/* Always in the page, so screen readers announce a message as it arrives. */}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

function nameOf(thread: MessageThread, side: ThreadSide["side"], unnamed: string): string {
  const other = side === "member" ? thread.person : thread.member;
  return other.displayName ?? unnamed;
}

function backHref({ side, memberId }: ThreadSide): string {
  if (side === "member") return "/messages";
  if (side === "clinician") return `/caseload/${encodeURIComponent(memberId)}`;
  return "/supporting";
}
