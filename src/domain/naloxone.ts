import { type LocalDay, localDaysBetween } from "./local-day";

/**
 * When a member's naloxone expires. Naloxone past its expiry date may be less effective
 * (FDA label); the crisis screen reminds a month ahead so there is time to get a new kit.
 */
export const NALOXONE_REMINDER_DAYS = 30;

export type NaloxoneExpiry =
  | { status: "ok"; daysLeft: number }
  | { status: "expires_soon"; daysLeft: number }
  | { status: "expired"; daysAgo: number };

/** Counted in the member's local days; the kit is good through its expiry date. */
export function naloxoneExpiry(today: LocalDay, expiresOn: LocalDay): NaloxoneExpiry {
  const daysLeft = localDaysBetween(today, expiresOn);
  if (daysLeft < 0) return { status: "expired", daysAgo: -daysLeft };
  if (daysLeft <= NALOXONE_REMINDER_DAYS) return { status: "expires_soon", daysLeft };
  return { status: "ok", daysLeft };
}

/**
 * How to use naloxone nasal spray, in order, as message keys (words in the locale catalogs).
 * The order is the one on the over-the-counter nasal spray's Drug Facts label: check, give
 * the first dose, call 911 right after it, watch and give another dose every 2–3 minutes,
 * stay. Between them: what to do while the person is still not breathing (the dispatcher's
 * directions; rescue breaths or CPR only for someone trained), and the recovery position once
 * they breathe. Sources per key in docs/clinical-sources.md ("Naloxone on the crisis screen").
 */
export const NALOXONE_STEPS = [
  "naloxone.step.checkSigns",
  "naloxone.step.layOnBack",
  "naloxone.step.spray",
  "naloxone.step.call911",
  "naloxone.step.notBreathing",
  "naloxone.step.secondDose",
  "naloxone.step.recoveryPosition",
  "naloxone.step.stay",
] as const;
export type NaloxoneStep = (typeof NALOXONE_STEPS)[number];

/** Kit care shown with where the member keeps theirs. */
export const NALOXONE_CARE = ["naloxone.care.storage", "naloxone.care.expiry"] as const;
