/**
 * How Waymark writes a time of day, and a day with its time, for a person: in their language
 * and their own zone. The phone (screens/medication/member-format.ts) and the server (Today's
 * answer brings the labels its cards show, so the phone builds no Intl formatter before Today
 * draws: the first one costs a cheap phone 40–190 ms; issue 16) use the same options, so a
 * label reads the same whichever side wrote it.
 */
export const TIME_OPTIONS = { timeStyle: "short" } as const satisfies Intl.DateTimeFormatOptions;

export const DATE_TIME_OPTIONS = {
  weekday: "short",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
} as const satisfies Intl.DateTimeFormatOptions;

/** Labels for given instants (ISO strings), with the language and zone they were written in. */
export interface TimeLabels {
  locale: string;
  timeZone: string;
  time: Record<string, string>;
  dateTime: Record<string, string>;
}

export function timeLabels(
  locale: string,
  timeZone: string,
  instants: { time: readonly string[]; dateTime: readonly string[] },
): TimeLabels {
  const labelsOf = (isos: readonly string[], options: Intl.DateTimeFormatOptions) => {
    if (isos.length === 0) return {};
    const format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    return Object.fromEntries(isos.map((iso) => [iso, format.format(new Date(iso))]));
  };
  return {
    locale,
    timeZone,
    time: labelsOf(instants.time, TIME_OPTIONS),
    dateTime: labelsOf(instants.dateTime, DATE_TIME_OPTIONS),
  };
}
