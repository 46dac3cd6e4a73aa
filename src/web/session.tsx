import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import type { Me } from "../domain/api/auth";
import { ApiError, api } from "./api";

/** Who is signed in on this browser. "unreachable" keeps offline use (the help screen) working. */
export type SessionState =
  | { status: "loading" }
  | { status: "signed-out" }
  | { status: "signed-in"; me: Me }
  | { status: "unreachable"; error: ApiError };

interface SessionContextValue {
  session: SessionState;
  /** Called after sign-in, sign-up, invite acceptance (a Me) or sign-out (null). */
  setMe: (me: Me | null) => void;
  reload: () => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: "loading" });

  const reload = useCallback(() => {
    setSession({ status: "loading" });
    api.me().then(
      (me) => setSession(me ? { status: "signed-in", me } : { status: "signed-out" }),
      (error: unknown) =>
        setSession({
          status: "unreachable",
          error:
            error instanceof ApiError ? error : new ApiError(0, "network_error", String(error)),
        }),
    );
  }, []);

  useEffect(() => reload(), [reload]);

  const setMe = useCallback((me: Me | null) => {
    setSession(me ? { status: "signed-in", me } : { status: "signed-out" });
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
