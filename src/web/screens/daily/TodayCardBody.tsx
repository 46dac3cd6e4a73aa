import { useId } from "react";
import { Link } from "wouter";
import { SkeletonLines } from "../../components/CardSkeleton";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { dailyApi } from "./api";
import { CHECKIN_CARD_SKELETON } from "./CheckinTodayCard";
import { memberToday } from "./days";

/** What the check-in card shows once its code has loaded (see CheckinTodayCard). */
export function TodayCardBody() {
  const { t } = useI18n();
  const me = useMe();
  const headingId = useId();
  const today = memberToday(me.timeZone);
  const { state, reload } = useLoad(() => dailyApi.checkinOn(me.id, today), [me.id, today]);

  return (
    <section
      className="card checkin-card stack"
      aria-labelledby={headingId}
      aria-busy={state.status === "loading"}
    >
      <h2 id={headingId}>{t("today.checkinCard.title")}</h2>
      {state.status === "loading" && <SkeletonLines lines={CHECKIN_CARD_SKELETON} />}
      {state.status === "failed" && (
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
      {state.status === "loaded" &&
        (state.value ? (
          <>
            <p className="status-line done">
              <span className="status-mark" aria-hidden="true">
                ✓
              </span>
              {t("today.checkinCard.done")}
            </p>
            <p className="hint">
              {t("checkin.savedSummary", { mood: state.value.mood, craving: state.value.craving })}
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
