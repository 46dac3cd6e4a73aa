import { addLocalDays, type LocalDay } from "../../../../domain/local-day";

/** What a day on the calendar shows. "outside" is before the start or after today. */
export type DayKind = "outside" | "withoutUse" | "withUse";

export interface CalendarDay {
  date: LocalDay;
  kind: DayKind;
  checkedIn: boolean;
  isToday: boolean;
}

/** A month written YYYY-MM. */
export type Month = string;

export const monthOf = (day: LocalDay): Month => day.slice(0, 7);

export function shiftMonth(month: Month, amount: number): Month {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const index = year * 12 + (monthNumber - 1) + amount;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export function monthDays(month: Month): LocalDay[] {
  const first = `${month}-01`;
  const days: LocalDay[] = [];
  for (let day = first; monthOf(day) === month; day = addLocalDays(day, 1)) days.push(day);
  return days;
}

/**
 * The month's weeks as rows of seven, padded with null before the first and after the last
 * day. `weekStartsOn` is 0 for Sunday, 1 for Monday.
 */
export function monthWeeks(month: Month, weekStartsOn: 0 | 1): (LocalDay | null)[][] {
  const days = monthDays(month);
  const firstWeekday = new Date(`${month}-01T12:00:00Z`).getUTCDay();
  const cells: (LocalDay | null)[] = [
    ...Array<null>((firstWeekday - weekStartsOn + 7) % 7).fill(null),
    ...days,
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (LocalDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Classifies each day exactly as domain/progress.ts counts it. */
export function classifyDay(
  date: LocalDay,
  input: {
    today: LocalDay;
    recoveryStart: LocalDay;
    checkinDays: ReadonlyMap<LocalDay, { used: boolean }>;
    useDays: ReadonlySet<LocalDay>;
  },
): CalendarDay {
  const checkin = input.checkinDays.get(date);
  const inPeriod = date >= input.recoveryStart && date <= input.today;
  const used = input.useDays.has(date) || checkin?.used === true;
  return {
    date,
    kind: !inPeriod ? "outside" : used ? "withUse" : "withoutUse",
    checkedIn: checkin !== undefined,
    isToday: date === input.today,
  };
}
