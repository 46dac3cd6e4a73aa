import { useMemo } from "react";
import type { MemberSummary } from "../../../../domain/api/care";
import { compareIso } from "../../../../domain/iso-order";
import { MoodCravingChart } from "../../../components/MoodCravingChart";
import { useI18n } from "../../../i18n/context";
import { formatDay } from "../../../i18n/dates";
import { checkinTrend } from "../trend";

type Checkins = NonNullable<MemberSummary["checkins"]>;

/**
 * Mood and craving over the summary period: a chart for the eye, and for everyone the same
 * facts as a sentence and a day-by-day list (the chart itself is hidden from screen readers).
 */
export function CheckinTrend({
  checkins,
  from,
  to,
}: {
  checkins: Checkins;
  from: string;
  to: string;
}) {
  const i18n = useI18n();
  const { t, tCount, locale } = i18n;
  const points = useMemo(
    () => checkins.map((c) => ({ date: c.day, mood: c.mood, craving: c.craving })),
    [checkins],
  );
  const trend = checkinTrend(checkins);
  if (!trend) return <p>{t("care.summary.noCheckins")}</p>;
  const number = (value: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  const day = (value: string) => formatDay(value, locale);
  return (
    <>
      <p className="chart-summary">
        {tCount("care.trend.summary", trend.count, {
          mood: number(trend.moodAverage),
          craving: number(trend.cravingAverage),
        })}{" "}
        {t("care.trend.latest", {
          day: day(trend.latest.day),
          mood: trend.latest.mood,
          craving: trend.latest.craving,
        })}
      </p>
      <MoodCravingChart
        checkins={points}
        from={from}
        to={to}
        locale={locale}
        moodLabel={t("care.trend.mood")}
        cravingLabel={t("care.trend.craving")}
      />
      <details className="care-days">
        <summary>{t("care.trend.dayByDay")}</summary>
        <ul className="care-rows">
          {[...checkins]
            .sort((a, b) => compareIso(b.day, a.day))
            .map((checkin) => (
              <li key={checkin.day}>
                <span>{day(checkin.day)}</span>
                <span>
                  {t("care.summary.checkinRow", { mood: checkin.mood, craving: checkin.craving })}
                  {checkin.used ? ` · ${t("care.summary.used")}` : ""}
                </span>
              </li>
            ))}
        </ul>
      </details>
    </>
  );
}
