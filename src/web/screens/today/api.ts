import type { Me } from "../../../domain/api/auth";
import type { Today, todaySchema } from "../../../domain/api/today";
import { call } from "../../api";
import { earlyAnswer } from "../../components/early-answer";
import { secondFactorDetour } from "../../components/route-guards";
import { preloadGroupCode, preloadGroupWords } from "../../i18n/lazy-with-words";
import { recallSeen } from "../../offline/store";
import { SIGNED_IN_KEY } from "../../session";

export type { Today } from "../../../domain/api/today";

/** Today's client: every card's answer in one request (GET /api/today, issue 16). */
export const todayApi = {
  today: () => call<typeof todaySchema>("GET", "/today"),
};

const early = earlyAnswer<Today>();
const askNow = () => early.ask("today", todayApi.today);

/**
 * Called as the app starts, with the /api/me answer on its way: on Today, its answer is asked
 * for without waiting for React to draw — at once when this phone remembers someone signed in,
 * else as soon as /api/me says who is (so a signed-out visit asks for nothing it would be
 * refused). The cards' code and words are asked for then too, while React draws the screen
 * around them, instead of once it has (issue 16).
 */
export function askForTodayEarly(whoIsSignedIn: Promise<Me | null>): void {
  if (location.pathname !== "/") return;
  recallSeen<Me>(SIGNED_IN_KEY).then(
    (seen) => {
      if (seen) askNow();
    },
    () => undefined,
  );
  whoIsSignedIn.then(
    (me) => {
      if (!me || location.pathname !== "/" || secondFactorDetour(me, "/")) return;
      askNow();
      preloadGroupCode("today");
      preloadGroupWords("today", me.locale);
    },
    () => undefined,
  );
}

/** Today's answer: the one asked for as the app started, the first time; else a fresh one. */
export function loadToday(): Promise<Today> {
  return early.take("today", todayApi.today);
}
