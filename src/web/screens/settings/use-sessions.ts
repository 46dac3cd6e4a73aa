import { useCallback, useEffect, useState } from "react";
import type { SessionInfo } from "../../../domain/api/auth";
import { api } from "../../api";

export type SessionsLoad =
  | { status: "loading" }
  | { status: "failed"; error: unknown }
  | { status: "loaded"; sessions: SessionInfo[] };

/** The signed-in person's sessions, with a way to reload and to drop one from the list. */
export function useSessions() {
  const [load, setLoad] = useState<SessionsLoad>({ status: "loading" });

  const reload = useCallback(() => {
    setLoad({ status: "loading" });
    api.sessions().then(
      (sessions) => setLoad({ status: "loaded", sessions }),
      (error: unknown) => setLoad({ status: "failed", error }),
    );
  }, []);

  useEffect(() => reload(), [reload]);

  const forget = useCallback((sessionId: string) => {
    setLoad((current) =>
      current.status === "loaded"
        ? { status: "loaded", sessions: current.sessions.filter(({ id }) => id !== sessionId) }
        : current,
    );
  }, []);

  return { load, reload, forget };
}
