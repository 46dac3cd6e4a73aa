import { useId, useState } from "react";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { medicationApi } from "./api";

/**
 * The secret calendar address: made here, shown once with copy and how to subscribe,
 * turned off (after asking) whenever the member wants.
 */
export function CalendarFeedSection() {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const me = useMe();
  const headingId = useId();
  const urlId = useId();
  const hintId = useId();
  const { state, reload } = useLoad(() => medicationApi.calendarFeedStatus(me.id), [me.id], {
    keepWhileReloading: true,
  });
  const [details, setDetails] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string>();

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    setNote("");
    try {
      await work();
      reload();
    } catch (failure) {
      setError(describeError(failure, i18n).message);
    } finally {
      setBusy(false);
    }
  };

  const create = () =>
    act(async () => {
      const feed = await medicationApi.createCalendarFeed(me.id, details);
      setUrl(feed.url);
    });

  const revoke = () =>
    act(async () => {
      await medicationApi.revokeCalendarFeed(me.id);
      setUrl(null);
      setConfirming(false);
      setNote(t("reminders.calendar.revoked"));
    });

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setNote(t("reminders.calendar.copied"));
    } catch {
      setNote(t("reminders.calendar.copyFailed"));
    }
  };

  const status = state.status === "loaded" ? state.value : null;

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("reminders.calendar.heading")}</h2>
      <p>{t("reminders.calendar.explain")}</p>
      <p className="saved-message" role="status">
        {note}
      </p>
      <FormAlert message={error} />
      {status?.active && status.createdAt && (
        <div className="stack tight">
          <p>
            {t("reminders.calendar.active", { date: formatDateTime(status.createdAt) })}{" "}
            {t(status.details ? "reminders.calendar.detailed" : "reminders.calendar.discreet")}
          </p>
          <p className="hint">
            {status.lastFetchedAt
              ? t("reminders.calendar.lastFetched", { date: formatDateTime(status.lastFetchedAt) })
              : t("reminders.calendar.neverFetched")}
          </p>
        </div>
      )}
      {status && !status.active && <p className="hint">{t("reminders.calendar.off")}</p>}
      {url && (
        <div className="stack tight feed-url">
          <label htmlFor={urlId}>{t("reminders.calendar.url")}</label>
          <p className="hint" id={hintId}>
            {t("reminders.calendar.urlHint")} {t("reminders.calendar.urlOnce")}
          </p>
          <input
            id={urlId}
            type="text"
            readOnly
            value={url}
            aria-describedby={hintId}
            onFocus={(event) => event.target.select()}
          />
          <button type="button" className="button primary" onClick={() => void copy()}>
            {t("reminders.calendar.copy")}
          </button>
          <details className="more">
            <summary>{t("reminders.calendar.howTo")}</summary>
            <div className="stack tight how-to">
              <p>{t("reminders.calendar.howToIphone")}</p>
              <p>{t("reminders.calendar.howToAndroid")}</p>
            </div>
          </details>
        </div>
      )}
      {status && !url && (
        <div className="stack tight">
          <label className="check-line">
            <input
              type="checkbox"
              checked={details}
              onChange={(event) => setDetails(event.target.checked)}
            />
            <span>{t("reminders.calendar.details")}</span>
          </label>
          <p className="hint">{t("reminders.calendar.detailsHint")}</p>
          <button
            type="button"
            className={status.active ? "button secondary" : "button primary"}
            disabled={busy}
            onClick={() => void create()}
          >
            {status.active ? t("reminders.calendar.replace") : t("reminders.calendar.create")}
          </button>
        </div>
      )}
      {status?.active &&
        (confirming ? (
          <div className="stack tight confirm">
            <p>{t("reminders.calendar.confirmRevoke")}</p>
            <div className="actions-row">
              <button
                type="button"
                className="button danger"
                disabled={busy}
                onClick={() => void revoke()}
              >
                {t("reminders.calendar.confirmRevokeYes")}
              </button>
              <button
                type="button"
                className="button secondary"
                onClick={() => setConfirming(false)}
              >
                {t("reminders.calendar.keep")}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
            {t("reminders.calendar.revoke")}
          </button>
        ))}
    </section>
  );
}
