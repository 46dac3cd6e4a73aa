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

/** Dates and times in the member's own zone, whatever zone the phone is set to. */
export function memberFormat(locale: string, member: MemberZone) {
  const { timeZone } = member;
  const time = once(() => new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone }));
  const dateTime = once(
    () =>
      new Intl.DateTimeFormat(locale, {
        weekday: "short",
        month: "short",
        day: "numeric",
        hour: "numeric",
        minute: "2-digit",
        timeZone,
      }),
  );
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
    time: (iso: string) => time().format(new Date(iso)),
    dateTime: (iso: string) => dateTime().format(new Date(iso)),
    /** A local day ('YYYY-MM-DD') in words; it is a calendar date, so formatted in UTC. */
    day: (localDay: string) => day().format(new Date(`${localDay}T12:00:00Z`)),
    today: () => memberToday(member),
  };
}
