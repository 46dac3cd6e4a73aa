import { createContext, type ReactNode, useContext } from "react";
import type { Load } from "../../components/use-load";
import { useLastSeen } from "../../offline/last-seen";
import { rememberSeen } from "../../offline/store";
import { syncState } from "../../offline/sync-state";
import { useMe } from "../../session";
import { memberToday } from "../daily/member-today";
import { loadToday, type Today } from "./api";

/** Today's one answer, shared by its cards: they draw together, from one round trip. */
export interface TodayData {
  state: Load<Today>;
  reload: () => void;
  /** Set when the answer is what this phone last saw (offline); see offline/last-seen.tsx. */
  seenAt: string | null;
}

const TodayContext = createContext<TodayData | null>(null);

/**
 * Loads Today's answer and keeps it on the phone under a key naming the member and their day,
 * so Today opens offline with what it last showed (issue 15). The day's check-in is also kept
 * under the check-in screen's own key, so that screen opens offline after a visit to Today.
 */
export function TodayProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const day = memberToday(me);
  const today = useLastSeen(
    `${me.id}:today:${day}`,
    async () => {
      const answer = await loadToday();
      if (syncState().memberId !== null && answer.date === day) {
        void rememberSeen(`${me.id}:checkin:${day}`, answer.checkin).catch(() => undefined);
      }
      return answer;
    },
    [me.id, day],
    // A reload (after a dose is logged) keeps the cards in place instead of flashing skeletons.
    { keepWhileReloading: true },
  );
  return <TodayContext value={today}>{children}</TodayContext>;
}

export function useToday(): TodayData {
  const today = useContext(TodayContext);
  if (!today) throw new Error("useToday needs a <TodayProvider> above it (TodayScreen)");
  return today;
}
