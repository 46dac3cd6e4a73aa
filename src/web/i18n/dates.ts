/**
 * Dates and times in the reader's language, from Intl alone: no words of any set, so any
 * screen can use them without loading another feature's words.
 */

/**
 * An instant as a medium date and short time in the reader's language. The Intl formatter is
 * made on first use, not when the app starts: the page's first formatter pays ICU's start-up
 * (a fifth of a second on a slow phone, before Today could draw), and most screens show none.
 */
export function dateTimeFormatter(locale: string): (iso: string) => string {
  let format: Intl.DateTimeFormat | null = null;
  return (iso) => {
    format ??= new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
    return format.format(new Date(iso));
  };
}

/** A local day ("2026-11-24") as a short date in the reader's language, without time zones. */
export function formatDay(day: string, locale: string): string {
  const [year, month, date] = day.split("-").map(Number);
  if (!year || !month || !date) return day;
  return new Date(Date.UTC(year, month - 1, date)).toLocaleDateString(locale, {
    timeZone: "UTC",
    month: "short",
    day: "numeric",
  });
}

/** A local day as a date with its year ("Mar 3, 2026"), for lists that span years. */
export function formatDayWithYear(day: string, locale: string): string {
  const [year, month, date] = day.split("-").map(Number);
  if (!year || !month || !date) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
    Date.UTC(year, month - 1, date),
  );
}

/** The day an instant fell on, where the reader is now ("Mar 3, 2026"). */
export function formatInstantDay(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(iso));
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 31_536_000],
  ["month", 2_592_000],
  ["week", 604_800],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

/** "2 hours ago", "yesterday", "3 weeks ago", "now": in the reader's language, in the largest unit. */
export function timeAgo(iso: string, locale: string, now = Date.now()): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, "second");
}

/**
 * When someone asked for support: "20 minutes ago", "this minute" — never in seconds, and never
 * "in 3 seconds" when the reader's clock runs a little behind the server's.
 */
export function askedAgo(iso: string, locale: string, now = Date.now()): string {
  const at = Math.min(Date.parse(iso), now);
  if (now - at < 3_600_000) {
    const minutes = Math.round((at - now) / 60_000);
    return new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(minutes, "minute");
  }
  return timeAgo(new Date(at).toISOString(), locale, now);
}
