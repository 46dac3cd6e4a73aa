import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import type { Me } from "../domain/api/auth";
import { ApiError, api } from "./api";
import { recallSeen, rememberSeen } from "./offline/store";
import { setSyncState } from "./offline/sync-state";

/** Who is signed in on this browser. "unreachable" keeps offline use (the help screen) working. */
export type SessionState =
  | { status: "loading" }
  | { status: "signed-out" }
  /** `fromDevice`: offline, the person this phone last saw signed in (checked again online). */
  | { status: "signed-in"; me: Me; fromDevice?: boolean }
  | { status: "unreachable"; error: ApiError };

interface SessionContextValue {
  session: SessionState;
  /** Called after sign-in, sign-up, invite acceptance (a Me) or sign-out (null). */
  setMe: (me: Me | null) => void;
  reload: () => void;
}

/** Where the signed-in person is remembered on the device (offline/store.ts, last seen). */
export const SIGNED_IN_KEY = "me";

const SessionContext = createContext<SessionContextValue | null>(null);

let firstCheck: Promise<Me | null> | null = null;
/** The first check's answer once it has come; the provider starts from it if it came in time. */
let firstAnswer: { me: Me | null } | null = null;

/**
 * Called as the app starts, before React draws: who is signed in is asked at once (index.html
 * preloads /api/me, so the answer is usually here as the code is). The provider's first check
 * takes it; main.tsx waits a moment for it before the first draw.
 */
export function askWhoIsSignedInEarly(): Promise<Me | null> {
  const asked = api.me();
  firstCheck = asked;
  asked.then(
    (me) => {
      if (firstCheck === asked) firstAnswer = { me };
    },
    () => undefined,
  );
  return asked;
}

function sessionOf(me: Me | null): SessionState {
  return me ? { status: "signed-in", me } : { status: "signed-out" };
}

/**
 * Keeps the signed-in person on the device, and tells the offline store who it is at once:
 * answers are kept only while someone is signed in (offline/last-seen.tsx), and Today's answer,
 * asked for as the app starts, can land before the sync loop (which also says so) has loaded.
 * Sign-out clears both (offline/sync.ts#clearDevice).
 */
function remember(me: Me): void {
  setSyncState({ memberId: me.id });
  void rememberSeen(SIGNED_IN_KEY, me).catch(() => undefined);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  // Drawn after the first answer came, the first frame already has the person's header and
  // screen: no loading state that then shifts the page as "Sign out" appears (issue 16).
  const [answerAtStart] = useState(() => firstAnswer);
  const [session, setSession] = useState<SessionState>(() =>
    answerAtStart ? sessionOf(answerAtStart.me) : { status: "loading" },
  );

  const check = useCallback(() => {
    const asked = firstCheck ?? api.me();
    firstCheck = null;
    firstAnswer = null;
    asked.then(
      (me) => {
        setSession(sessionOf(me));
        if (me) remember(me);
      },
      async (error: unknown) => {
        const apiError =
          error instanceof ApiError ? error : new ApiError(0, "network_error", String(error));
        // No network or no server: the screens a person needs every day still open offline
        // (issue 15), as the person this phone last saw signed in. Sign-out clears it.
        const seen = await recallSeen<Me>(SIGNED_IN_KEY).catch(() => null);
        if (seen) setSyncState({ memberId: seen.value.id });
        setSession(
          seen
            ? { status: "signed-in", me: seen.value, fromDevice: true }
            : { status: "unreachable", error: apiError },
        );
      },
    );
  }, []);

  const reload = useCallback(() => {
    setSession({ status: "loading" });
    check();
  }, [check]);

  useEffect(() => {
    if (!answerAtStart) return reload();
    firstCheck = null;
    firstAnswer = null;
    if (answerAtStart.me) remember(answerAtStart.me);
  }, [answerAtStart, reload]);

  // Back online after an offline start: ask the server again, without a loading screen.
  const isFromDevice = session.status === "signed-in" && session.fromDevice === true;
  useEffect(() => {
    if (!isFromDevice) return;
    window.addEventListener("online", check);
    return () => window.removeEventListener("online", check);
  }, [isFromDevice, check]);

  const setMe = useCallback((me: Me | null) => {
    setSession(sessionOf(me));
    if (me) remember(me);
  }, []);

  return <SessionContext value={{ session, setMe, reload }}>{children}</SessionContext>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession needs a <SessionProvider> above it");
  return value;
}

/** For screens that only render when signed in (inside <SignedInOnly>). */
export function useMe(): Me {
  const { session } = useSession();
  if (session.status !== "signed-in") throw new Error("useMe used outside a signed-in route");
  return session.me;
}
