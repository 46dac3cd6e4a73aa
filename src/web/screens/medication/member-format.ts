import { DATE_TIME_OPTIONS, TIME_OPTIONS, type TimeLabels } from "../../../domain/time-labels";
import { type MemberZone, memberToday } from "../daily/member-today";

/** Made on first use: an Intl formatter costs a cheap phone milliseconds, and Today's card
 * often needs none of the three (no dose pending, no visit ahead). */
function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => {
    made ??= make();
    return made;
  };
}

/**
 * Dates and times in the member's own zone, whatever zone the phone is set to. `labels` are
 * ones the server already wrote (Today's answer): used while they are in this language and
 * zone, so Today's card builds no formatter at all; any other instant is formatted here.
 */
export function memberFormat(locale: string, member: MemberZone, labels?: TimeLabels | null) {
  const { timeZone } = member;
  const written =
    labels && labels.locale === locale && labels.timeZone === timeZone ? labels : null;
  const time = once(() => new Intl.DateTimeFormat(locale, { ...TIME_OPTIONS, timeZone }));
  const dateTime = once(() => new Intl.DateTimeFormat(locale, { ...DATE_TIME_OPTIONS, timeZone }));
  const day = once(
    () =>
      new Intl.DateTimeFormat(locale, {
        weekday: "short",
        month: "long",
        day: "numeric",
        timeZone: "UTC",
      }),
  );
  return {
    time: (iso: string) => written?.time[iso] ?? time().format(new Date(iso)),
    dateTime: (iso: string) => written?.dateTime[iso] ?? dateTime().format(new Date(iso)),
    /** A local day ('YYYY-MM-DD') in words; it is a calendar date, so formatted in UTC. */
    day: (localDay: string) => day().format(new Date(`${localDay}T12:00:00Z`)),
    today: () => memberToday(member),
  };
}
