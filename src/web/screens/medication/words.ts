import type { RegimenView } from "../../../domain/api/medication";
import { type DoseSchedule, WEEKDAYS, type Weekday } from "../../../domain/dose-schedule";
import type { Medication } from "../../../domain/medication";
import type { I18n } from "../../i18n/context";
import type { MessageKey } from "../../i18n/translate";

/** Words for a regimen, always as prescribed: the amount and unit exactly as entered. */

export const medicationName = (t: I18n["t"], medication: Medication) =>
  t(`medication.name.${medication}` as MessageKey);

export const weekdayName = (t: I18n["t"], day: Weekday) =>
  t(`medication.weekday.${day}` as MessageKey);

export function doseText(
  i18n: Pick<I18n, "t" | "locale">,
  regimen: Pick<RegimenView, "medication" | "doseAmount" | "doseUnit">,
): string {
  const amount = new Intl.NumberFormat(i18n.locale, { maximumFractionDigits: 3 }).format(
    regimen.doseAmount,
  );
  return `${medicationName(i18n.t, regimen.medication)} ${amount} ${regimen.doseUnit}`;
}

/** A wall-clock time ('HH:MM') the way the person's language writes it ("8:00 AM", "8:00"). */
export function clockTime(locale: string, time: string): string {
  const [hours, minutes] = time.split(":").map(Number);
  return new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: "UTC" }).format(
    new Date(Date.UTC(2000, 0, 1, hours ?? 0, minutes ?? 0)),
  );
}

export function scheduleText(
  i18n: Pick<I18n, "t" | "tCount" | "locale">,
  schedule: DoseSchedule,
  formatDay: (day: string) => string,
): string {
  const times = [...schedule.times]
    .sort()
    .map((time) => clockTime(i18n.locale, time))
    .join(", ");
  switch (schedule.kind) {
    case "daily":
      return i18n.t("medication.schedule.daily", { times });
    case "weekdays": {
      const days = WEEKDAYS.filter((day) => schedule.days.includes(day))
        .map((day) => weekdayName(i18n.t, day))
        .join(", ");
      return i18n.t("medication.schedule.weekdays", { days, times });
    }
    case "every_n_weeks":
      return i18n.tCount("medication.schedule.everyNWeeks", schedule.intervalWeeks, {
        date: formatDay(schedule.startDate),
        times,
      });
  }
}
