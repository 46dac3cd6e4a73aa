import { isLocalDay, type LocalDay, startOfLocalDay } from "../../../domain/local-day";

/** A local day in words ("Tuesday, March 3"), the same wherever the phone is. */
export function formatLocalDay(
  day: LocalDay,
  locale: string,
  options: Intl.DateTimeFormatOptions = { weekday: "long", month: "long", day: "numeric" },
): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/** A day someone may check in for: a real date, not after their today. */
export function isCheckinDay(day: string, today: LocalDay): boolean {
  return isLocalDay(day) && day <= today && day >= "1900-01-01";
}

/** Value for <input type="datetime-local"> showing an instant on the phone's clock. */
export function toDateTimeInput(instant: Date): string {
  const local = new Date(instant.getTime() - instant.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** When to say a past day's event happened: midday of that day in the member's zone, never later than now. */
export function middayOf(day: LocalDay, timeZone: string, now = new Date()): Date {
  const midday = new Date(startOfLocalDay(day, timeZone).getTime() + 12 * 3_600_000);
  return midday.getTime() > now.getTime() ? now : midday;
}
