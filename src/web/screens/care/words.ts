import { type DataCategory, dataCategorySchema } from "../../../domain/consent";
import type { I18n } from "../../i18n/context";
import { isMessageKey, type MessageParams } from "../../i18n/translate";

/** Every category a member can name, in the order the form lists them. */
export const CATEGORIES: readonly DataCategory[] = dataCategorySchema.options;

export function categoryLabel(category: DataCategory, { t }: I18n): string {
  return t(`care.category.${category}`);
}

/** "your check-ins": a category (or a view name) as the object of a sentence. */
export function whatWords(what: string, i18n: I18n): string {
  const key = `care.what.${what}`;
  if (isMessageKey(key)) return i18n.t(key);
  // A view names what it showed: "summary: checkins, plan".
  const shown = /^\w+: (.+)$/.exec(what)?.[1];
  const parts = (shown ?? "")
    .split(",")
    .map((part) => `care.what.${part.trim()}`)
    .filter(isMessageKey)
    .map((part) => i18n.t(part));
  if (parts.length === 0) return i18n.t("care.what.other");
  return new Intl.ListFormat(i18n.locale, { type: "conjunction" }).format(parts);
}

/** A flag or access-log sentence from its message key and params; null params read as "—". */
export function keyedSentence(
  key: string,
  params: Record<string, string | number | null>,
  { t }: I18n,
): string | null {
  if (!isMessageKey(key)) return null;
  const filled: MessageParams = {};
  for (const [name, value] of Object.entries(params)) filled[name] = value ?? "—";
  return t(key, filled);
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
