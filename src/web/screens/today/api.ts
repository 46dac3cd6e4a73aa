import type { Me } from "../../../domain/api/auth";
import type { Today, todaySchema } from "../../../domain/api/today";
import { call } from "../../api";
import { recallSeen } from "../../offline/store";
import { SIGNED_IN_KEY } from "../../session";

export type { Today } from "../../../domain/api/today";

/** Today's client: every card's answer in one request (GET /api/today, issue 16). */
export const todayApi = {
  today: () => call<typeof todaySchema>("GET", "/today"),
};

let early: Promise<Today> | null = null;
let taken = false;

/**
 * Called as the app starts: on Today, its answer is asked for at once, alongside /api/me,
 * instead of one round trip after it. Only when this phone remembers someone signed in, so a
 * signed-out visit asks for nothing it would be refused.
 */
export function askForTodayEarly(): void {
  if (location.pathname !== "/") return;
  recallSeen<Me>(SIGNED_IN_KEY).then(
    (seen) => {
      // Today may already have asked for itself (the device was slower than the network).
      if (!seen || taken) return;
      early = todayApi.today();
      // Handled when Today takes it (loadToday); this keeps an early failure from being
      // reported as unhandled before then.
      early.catch(() => undefined);
    },
    () => undefined,
  );
}

/** Today's answer: the one asked for as the app started, the first time; else a fresh one. */
export function loadToday(): Promise<Today> {
  taken = true;
  const asked = early;
  early = null;
  return asked ?? todayApi.today();
}
