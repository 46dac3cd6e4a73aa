import type { Locale } from "../../../domain/api/auth";
import type { PlanDomain } from "../../../domain/plan";
import { planText } from "../../../domain/plan-catalog/catalog";

/**
 * Words the plan shares with the server: domain names and the stage's opening line come
 * from the starter-plan catalog (src/domain/plan-catalog), so they are written once.
 */
export function domainName(locale: Locale, domain: PlanDomain): string {
  return planText(locale, `plan.domain.${domain}`);
}

export function introLine(locale: Locale, introKey: string): string {
  return planText(locale, introKey);
}

/** A calendar day (YYYY-MM-DD) in the person's language, e.g. "Mar 3, 2026". */
export function formatDay(locale: Locale, day: string): string {
  const [year, month, date] = day.split("-").map(Number);
  const instant = Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1);
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(instant);
}

/** The day an instant fell on, where the person is now. */
export function formatInstantDay(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(iso));
}

/** "3 days ago", "yesterday", "in 2 hours": how long ago an instant was, in plain words. */
export function timeAgo(locale: Locale, iso: string, now = Date.now()): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ["year", 31_536_000],
    ["month", 2_592_000],
    ["week", 604_800],
    ["day", 86_400],
    ["hour", 3_600],
    ["minute", 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, "second");
}
