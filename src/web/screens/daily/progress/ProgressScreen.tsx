import { Link } from "wouter";
import type { Checkin } from "../../../../domain/api/daily";
import { addLocalDays } from "../../../../domain/local-day";
import type { Progress } from "../../../../domain/progress";
import { describeError } from "../../../components/api-error";
import { ErrorState } from "../../../components/ErrorState";
import { ScreenHeading } from "../../../components/ScreenHeading";
import { useLoad } from "../../../components/use-load";
import { useI18n } from "../../../i18n/context";
import { useMe } from "../../../session";
import { CompletedLessons } from "../../lessons/CompletedLessons";
import { dailyApi } from "../api";
import { memberToday } from "../member-today";
import { DayCalendar } from "./DayCalendar";
import { ReturnsList } from "./ReturnsList";
import { StatTiles } from "./StatTiles";
import { TrendPanel } from "./TrendPanel";

/** /progress: numbers, the mood and craving lines, the calendar of days, the returns. */
export function ProgressScreen() {
  const i18n = useI18n();
  const me = useMe();
  const today = memberToday(me);
  const { state, reload } = useLoad(
    () =>
      Promise.all([
        dailyApi.progress(me.id),
        dailyApi.listCheckins(me.id, addLocalDays(today, -89), today),
      ]),
    [me.id, today],
  );

  return (
    <div className="stack">
      <ScreenHeading titleKey="progress.title" />
      {state.status === "loading" && <ProgressSkeleton />}
      {state.status === "failed" && (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      )}
      {state.status === "loaded" && (
        <ProgressContent progress={state.value[0]} checkins={state.value[1].checkins} />
      )}
    </div>
  );
}

function ProgressContent({ progress, checkins }: { progress: Progress; checkins: Checkin[] }) {
  const { t } = useI18n();
  const me = useMe();
  const isNew = checkins.length === 0 && progress.lapses === 0;
  return (
    <>
      <p className="lead">{isNew ? t("progress.introNew") : t("progress.intro")}</p>
      <StatTiles progress={progress} />
      {isNew ? (
        <section className="card empty-state" aria-labelledby="progress-empty">
          <h2 id="progress-empty">{t("progress.emptyTitle")}</h2>
          <p>{t("progress.emptyBody")}</p>
          <Link href="/checkin" className="button primary">
            {t("today.checkinCard.start")}
          </Link>
        </section>
      ) : (
        <TrendPanel progress={progress} checkins={checkins} />
      )}
      <ReturnsList progress={progress} />
      <DayCalendar progress={progress} />
      <CompletedLessons memberId={me.id} />
      <p className="hint">{t("progress.definitions")}</p>
    </>
  );
}

function ProgressSkeleton() {
  const { t } = useI18n();
  return (
    <div className="stack" aria-busy="true">
      <p className="visually-hidden" role="status">
        {t("progress.loading")}
      </p>
      <ul className="stat-tiles" aria-hidden="true">
        {["a", "b", "c", "d"].map((id) => (
          <li key={id} className="stat-tile">
            <span className="skeleton tall" />
            <span className="skeleton short" />
          </li>
        ))}
      </ul>
      <div className="card" aria-hidden="true">
        <span className="skeleton chart-skeleton" />
      </div>
    </div>
  );
}
