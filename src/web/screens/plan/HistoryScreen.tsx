import { useCallback, useState } from "react";
import type { PlanEvent } from "../../../domain/api/plan";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { FormAlert } from "../../components/FormAlert";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useI18n } from "../../i18n/context";
import { formatDayWithYear, timeAgo } from "../../i18n/dates";
import { describeEvent, groupSuggestions, titlesFrom } from "./history-words";
import { BackToPlan } from "./PlanLinks";
import { useLoad } from "./use-load";
import { usePlanApi } from "./use-plan-api";

/** How the plan grew, newest first, in plain words. */
export function HistoryScreen() {
  const i18n = useI18n();
  const { t, tCount, locale, formatDateTime } = i18n;
  const api = usePlanApi();
  const [older, setOlder] = useState<PlanEvent[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [moreError, setMoreError] = useState<string>();
  const [isLoadingMore, setLoadingMore] = useState(false);

  const fetcher = useCallback(async () => {
    const [plan, history] = await Promise.all([api.getPlan(), api.getPlanHistory()]);
    setOlder([]);
    setNextBefore(history.nextBefore);
    const current = plan.domains.flatMap(({ goals }) => [
      ...goals.map((goal): [string, string] => [goal.id, goal.title]),
      ...goals.flatMap((goal) => goal.steps.map((step): [string, string] => [step.id, step.title])),
    ]);
    return { events: history.events, current };
  }, [api]);
  const { load, retry } = useLoad(fetcher);

  function sentence(event: PlanEvent, titles: ReadonlyMap<string, string>): string {
    const { key, params } = describeEvent(event, titles);
    const date = params.date;
    return t(
      key,
      typeof date === "string" ? { ...params, date: formatDayWithYear(date, locale) } : params,
    );
  }

  async function loadMore() {
    if (nextBefore === null) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await api.getPlanHistory(nextBefore);
      setOlder((events) => [...events, ...page.events]);
      setNextBefore(page.nextBefore);
    } catch (error) {
      setMoreError(describeError(error, i18n).message);
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <div className="stack">
      <BackToPlan />
      <ScreenHeading titleKey="planHistory.title" />
      <p className="lead">{t("planHistory.intro")}</p>
      {load.status === "loading" && <Loading />}
      {load.status === "failed" && (
        <ErrorState message={describeError(load.error, i18n).message} onRetry={retry} />
      )}
      {load.status === "loaded" &&
        (() => {
          const events = [...load.data.events, ...older];
          const titles = titlesFrom(load.data.current, events);
          if (events.length === 0) return <p>{t("planHistory.empty")}</p>;
          return (
            <ol className="history">
              {groupSuggestions(events).map((item) => {
                const at = item.kind === "event" ? item.event.at : item.at;
                return (
                  <li key={item.kind === "event" ? item.event.seq : item.seq}>
                    <span>
                      {item.kind === "event"
                        ? sentence(item.event, titles)
                        : tCount("planHistory.suggestions", item.count)}
                    </span>
                    <time dateTime={at} title={formatDateTime(at)}>
                      {timeAgo(at, locale)}
                    </time>
                  </li>
                );
              })}
            </ol>
          );
        })()}
      <FormAlert message={moreError} />
      {load.status === "loaded" && nextBefore !== null && (
        <button
          type="button"
          className="button secondary"
          onClick={loadMore}
          disabled={isLoadingMore}
        >
          {t("planHistory.more")}
        </button>
      )}
    </div>
  );
}
