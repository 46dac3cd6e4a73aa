/**
 * Dates and times in the reader's language, from Intl alone: no words of any set, so any
 * screen can use them without loading another feature's words.
 */

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

/** "2 hours ago", in the reader's language. */
export function timeAgo(iso: string, locale: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, "second");
  if (abs < 3600) return format.format(Math.round(seconds / 60), "minute");
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), "hour");
  return format.format(Math.round(seconds / 86_400), "day");
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
