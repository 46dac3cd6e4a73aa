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

/**
 * Called as the app starts, before React draws: who is signed in is asked at once, so the
 * answer is on its way while the first render runs. The provider's first check takes it.
 */
export function askWhoIsSignedInEarly(): Promise<Me | null> {
  firstCheck = api.me();
  firstCheck.catch(() => undefined);
  return firstCheck;
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
  const [session, setSession] = useState<SessionState>({ status: "loading" });

  const check = useCallback(() => {
    const asked = firstCheck ?? api.me();
    firstCheck = null;
    asked.then(
      (me) => {
        setSession(me ? { status: "signed-in", me } : { status: "signed-out" });
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

  useEffect(() => reload(), [reload]);

  // Back online after an offline start: ask the server again, without a loading screen.
  const isFromDevice = session.status === "signed-in" && session.fromDevice === true;
  useEffect(() => {
    if (!isFromDevice) return;
    window.addEventListener("online", check);
    return () => window.removeEventListener("online", check);
  }, [isFromDevice, check]);

  const setMe = useCallback((me: Me | null) => {
    setSession(me ? { status: "signed-in", me } : { status: "signed-out" });
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
