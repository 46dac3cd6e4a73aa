import { useEffect, useId, useState } from "react";
import { Link } from "wouter";
import { useI18n } from "../i18n/context";
import { useSession } from "../session";
import type { QueuedWrite } from "./queue";
import { discardWrite, retryWrite, startSync } from "./sync";
import { useSyncState } from "./use-sync";

/** How long "Everything is saved" stays after the last waiting record lands. */
const ALL_SAVED_SHOWN_MS = 8_000;

/**
 * Under the header on every signed-in screen: what is saved only on this phone, what is being
 * sent, and every record the server refused, each kept until the person decides.
 */
export function SyncStatus({ memberId }: { memberId: string }) {
  const { t, tCount } = useI18n();
  const sync = useSyncState();
  const { reload } = useSession();
  const [isOnline, setOnline] = useState(() => navigator.onLine);
  const [showAllSaved, setShowAllSaved] = useState(false);

  useEffect(() => startSync(memberId), [memberId]);
  // The server said the session ended: find out, so the person is asked to sign in again.
  useEffect(() => {
    if (sync.needsSignIn) reload();
  }, [sync.needsSignIn, reload]);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  useEffect(() => {
    if (sync.allSentAt === null) return;
    setShowAllSaved(true);
    const timer = setTimeout(() => setShowAllSaved(false), ALL_SAVED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [sync.allSentAt]);

  const line = sync.needsSignIn
    ? t("offline.needsSignIn")
    : sync.waiting > 0
      ? tCount(isOnline ? "offline.sending" : "offline.waiting", sync.waiting)
      : showAllSaved
        ? t("offline.allSaved")
        : "";

  return (
    <div className="sync-status">
      {/* Always in the page, so screen readers announce each change of the line. */}
      <p role="status" className={line ? "sync-line" : "visually-hidden"}>
        {line}
      </p>
      {sync.refused.map((write) => (
        <RefusedWrite key={write.id} write={write} />
      ))}
    </div>
  );
}

function RefusedWrite({ write }: { write: QueuedWrite }) {
  const { t, formatDateTime } = useI18n();
  const headingId = useId();
  const [isConfirming, setConfirming] = useState(false);
  const what = t(`offline.kind.${write.kind}`, {
    time: formatDateTime(write.madeAt),
    day: write.path.split("/").at(-1) ?? "",
  });
  return (
    <section className="card stack tight refused-write" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t("offline.refusedHeading")}: {what}
      </h2>
      <p>{t("offline.refusedIntro")}</p>
      {write.refusal?.message && (
        <p className="hint">{t("offline.refusedReason", { message: write.refusal.message })}</p>
      )}
      {isConfirming ? (
        <div className="stack tight">
          <p>{t("offline.discardConfirm")}</p>
          <div className="actions-row">
            <button
              type="button"
              className="button secondary"
              onClick={() => void discardWrite(write.id)}
            >
              {t("offline.discardYes")}
            </button>
            <button type="button" className="button primary" onClick={() => setConfirming(false)}>
              {t("offline.discardNo")}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions-row">
          <button
            type="button"
            className="button primary"
            onClick={() => void retryWrite(write.id)}
          >
            {t("offline.retry")}
          </button>
          {write.kind === "checkin" && (
            // Saving the day again replaces this refused save in the queue (queue.ts#enqueue).
            <Link href={`/checkin/${write.path.split("/").at(-1)}`} className="button secondary">
              {t("offline.edit")}
            </Link>
          )}
          <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
            {t("offline.discard")}
          </button>
        </div>
      )}
    </section>
  );
}
