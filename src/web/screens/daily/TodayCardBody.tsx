import { useId } from "react";
import { Link } from "wouter";
import { SkeletonLines } from "../../components/CardSkeleton";
import { useI18n } from "../../i18n/context";
import { SeenAt } from "../../offline/last-seen";
import { useSyncState } from "../../offline/use-sync";
import { useToday } from "../today/today-data";
import { CHECKIN_CARD_SKELETON } from "./CheckinTodayCard";

/** What the check-in card shows once its code and words have loaded (see CheckinTodayCard). */
export function TodayCardBody() {
  const { t } = useI18n();
  const headingId = useId();
  const { state, reload, seenAt } = useToday();
  const today = state.status === "loaded" ? state.value.date : null;
  const onPhone = useSyncState().pending.find(
    (write) =>
      write.kind === "checkin" && today !== null && write.path.endsWith(`/checkins/${today}`),
  );
  const checkin = state.status === "loaded" ? state.value.checkin : null;

  return (
    <section
      className="card checkin-card stack"
      aria-labelledby={headingId}
      aria-busy={state.status === "loading"}
    >
      <h2 id={headingId}>{t("today.checkinCard.title")}</h2>
      {onPhone && (
        <>
          <p className="status-line done">
            <span className="status-mark" aria-hidden="true">
              ✓
            </span>
            {t("today.checkinCard.done")}
          </p>
          <p className="hint">{t("offline.savedOnPhone")}</p>
          <Link href="/checkin" className="button secondary">
            {t("today.checkinCard.change")}
          </Link>
        </>
      )}
      {!onPhone && <SeenAt seenAt={seenAt} />}
      {!onPhone && state.status === "loading" && <SkeletonLines lines={CHECKIN_CARD_SKELETON} />}
      {!onPhone && state.status === "failed" && (
        <div className="stack tight">
          <p>{t("today.checkinCard.loadError")}</p>
          <div className="actions-row">
            <Link href="/checkin" className="button primary">
              {t("today.checkinCard.start")}
            </Link>
            <button type="button" className="button secondary" onClick={reload}>
              {t("app.retry")}
            </button>
          </div>
        </div>
      )}
      {!onPhone &&
        state.status === "loaded" &&
        (checkin ? (
          <>
            <p className="status-line done">
              <span className="status-mark" aria-hidden="true">
                ✓
              </span>
              {t("today.checkinCard.done")}
            </p>
            <p className="hint">
              {t("checkin.savedSummary", { mood: checkin.mood, craving: checkin.craving })}
            </p>
            <Link href="/checkin" className="button secondary">
              {t("today.checkinCard.change")}
            </Link>
          </>
        ) : (
          <>
            <p className="status-line">{t("today.checkinCard.notDone")}</p>
            <Link href="/checkin" className="button primary">
              {t("today.checkinCard.start")}
            </Link>
          </>
        ))}
    </section>
  );
}
