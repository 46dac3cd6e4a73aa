import { type DependencyList, useEffect, useState } from "react";
import { ApiError } from "../api";
import { type LoadOptions, useLoad } from "../components/use-load";
import { useI18n } from "../i18n/context";
import { recallSeen, rememberSeen } from "./store";
import { syncState } from "./sync-state";
import { useSyncState } from "./use-sync";

/** No network, or no server behind it: the moments to show what the phone last saw. */
function isUnreachable(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}

/**
 * useLoad for the read-only views a person needs offline (issue 15): every answer is kept on
 * the device under `key` (which names the member), and when the server cannot be reached the
 * last one is shown instead, with `seenAt` saying when it was seen. Cleared at sign-out.
 */
export function useLastSeen<T>(
  key: string,
  load: () => Promise<T>,
  deps: DependencyList,
  options?: LoadOptions,
) {
  const [seenAt, setSeenAt] = useState<string | null>(null);
  const loaded = useLoad(
    async () => {
      try {
        const value = await load();
        setSeenAt(null);
        // Only while someone is signed in here: an answer landing after sign-out is not kept.
        if (syncState().memberId !== null) void rememberSeen(key, value).catch(() => undefined);
        return value;
      } catch (error) {
        if (!isUnreachable(error)) throw error;
        const seen = await recallSeen<T>(key).catch(() => null);
        if (!seen) throw error;
        setSeenAt(seen.seenAt);
        return seen.value;
      }
    },
    [key, ...deps],
    options,
  );
  // A view shown from the device, and what was saved on the phone has just reached the
  // server: show the server's view now. (A view loaded from the server is left alone, so a
  // form that just saved keeps its "saved" answer on screen.)
  const { allSentAt } = useSyncState();
  const { reload } = loaded;
  const isFromDevice = seenAt !== null;
  useEffect(() => {
    if (allSentAt !== null && isFromDevice) reload();
  }, [allSentAt, isFromDevice, reload]);
  return { ...loaded, seenAt };
}

/** "You are offline. Showing what this phone last saw, at …" under a view shown from the device. */
export function SeenAt({ seenAt }: { seenAt: string | null }) {
  const { t, formatDateTime } = useI18n();
  if (!seenAt) return null;
  return <p className="seen-at">{t("offline.lastSeen", { time: formatDateTime(seenAt) })}</p>;
}
