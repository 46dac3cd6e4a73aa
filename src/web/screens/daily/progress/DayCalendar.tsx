import { useId, useState } from "react";
import { Link } from "wouter";
import type { LocalDay } from "../../../../domain/local-day";
import type { Progress } from "../../../../domain/progress";
import { describeError } from "../../../components/api-error";
import { ErrorState } from "../../../components/ErrorState";
import { useLoad } from "../../../components/use-load";
import { useI18n } from "../../../i18n/context";
import { useMe } from "../../../session";
import { dailyApi } from "../api";
import { formatLocalDay } from "../days";
import {
  type CalendarDay,
  classifyDay,
  type Month,
  monthOf,
  monthWeeks,
  shiftMonth,
} from "./calendar";

/**
 * A month of days: without use, with use, checked in. Each kind has its own pattern and mark
 * (not colour alone), and each past day opens that day's check-in to fill in or change.
 */
export function DayCalendar({ progress }: { progress: Progress }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const me = useMe();
  const headingId = useId();
  const latest = monthOf(progress.today);
  const earliest = monthOf(progress.recoveryStart);
  const [month, setMonth] = useState<Month>(latest);
  const monthStart = `${month}-01`;
  const lastShown = month === latest ? progress.today : monthDaysEnd(month);
  const { state, reload } = useLoad(
    () =>
      Promise.all([
        dailyApi.listCheckins(me.id, monthStart, lastShown),
        dailyApi.listUses(me.id, monthStart, lastShown),
      ]),
    [me.id, monthStart, lastShown],
  );
  const weekStartsOn = locale === "en" ? 0 : 1;
  const weekdays = weekdayNames(locale, weekStartsOn);
  const monthName = capitalized(
    new Intl.DateTimeFormat(locale, {
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(`${monthStart}T12:00:00Z`)),
    locale,
  );

  const classify = (date: LocalDay): CalendarDay | null => {
    if (state.status !== "loaded") return null;
    const [checkins, uses] = state.value;
    return classifyDay(date, {
      today: progress.today,
      recoveryStart: progress.recoveryStart,
      checkinDays: new Map(checkins.checkins.map((checkin) => [checkin.date, checkin])),
      useDays: new Set(uses.uses.map((use) => use.date)),
    });
  };

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("progress.calendarHeading")}</h2>
      <div className="month-nav">
        <button
          type="button"
          className="button secondary"
          disabled={month <= earliest}
          onClick={() => setMonth(shiftMonth(month, -1))}
        >
          <span aria-hidden="true">‹</span>
          <span className="visually-hidden">{t("progress.previousMonth")}</span>
        </button>
        <p className="month-name" aria-live="polite">
          {monthName}
        </p>
        <button
          type="button"
          className="button secondary"
          disabled={month >= latest}
          onClick={() => setMonth(shiftMonth(month, 1))}
        >
          <span aria-hidden="true">›</span>
          <span className="visually-hidden">{t("progress.nextMonth")}</span>
        </button>
      </div>
      {state.status === "failed" ? (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      ) : (
        <table className="calendar" aria-busy={state.status === "loading"}>
          <caption className="visually-hidden">{monthName}</caption>
          <thead>
            <tr>
              {weekdays.map((weekday) => (
                <th key={weekday.long} scope="col">
                  <abbr title={weekday.long}>{weekday.short}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthWeeks(month, weekStartsOn).map((week) => (
              <tr key={week.find(Boolean) ?? "empty"}>
                {week.map((date, index) =>
                  date ? (
                    <td key={date}>
                      <DayCell date={date} day={classify(date)} locale={locale} />
                    </td>
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: padding cells have no date.
                    <td key={`pad-${index}`} />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ul className="calendar-legend">
        <li>
          <span className="day-swatch withoutUse" aria-hidden="true" />
          {t("progress.legendWithoutUse")}
        </li>
        <li>
          <span className="day-swatch withUse" aria-hidden="true" />
          {t("progress.legendWithUse")}
        </li>
        <li>
          <span className="day-swatch checked" aria-hidden="true">
            ✓
          </span>
          {t("progress.legendCheckedIn")}
        </li>
      </ul>
      <p className="hint">{t("progress.calendarHint")}</p>
    </section>
  );
}

function DayCell({
  date,
  day,
  locale,
}: {
  date: LocalDay;
  day: CalendarDay | null;
  locale: string;
}) {
  const { t } = useI18n();
  const number = Number(date.slice(8));
  if (!day || day.kind === "outside") {
    return <span className="day outside">{number}</span>;
  }
  const words = [
    formatLocalDay(date, locale, { weekday: "long", month: "long", day: "numeric" }),
    day.kind === "withUse" ? t("progress.legendWithUse") : t("progress.legendWithoutUse"),
    day.checkedIn ? t("progress.legendCheckedIn") : t("progress.notCheckedIn"),
  ];
  return (
    <Link
      href={`/checkin/${date}`}
      className={`day ${day.kind}${day.isToday ? " today" : ""}`}
      aria-label={words.join(", ")}
      aria-current={day.isToday ? "date" : undefined}
    >
      <span>{number}</span>
      {day.checkedIn && (
        <span className="day-mark" aria-hidden="true">
          ✓
        </span>
      )}
    </Link>
  );
}

function monthDaysEnd(month: Month): LocalDay {
  const next = shiftMonth(month, 1);
  const date = new Date(`${next}-01T12:00:00Z`);
  date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

function weekdayNames(locale: string, weekStartsOn: 0 | 1) {
  const short = new Intl.DateTimeFormat(locale, { weekday: "narrow", timeZone: "UTC" });
  const long = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
  // 2026-03-01 is a Sunday.
  return Array.from({ length: 7 }, (_, i) => {
    const date = new Date(Date.UTC(2026, 2, 1 + ((i + weekStartsOn) % 7), 12));
    return { short: short.format(date), long: long.format(date) };
  });
}

/** "noviembre de 2026" → "Noviembre de 2026": month names start lower-case in Spanish. */
function capitalized(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}
