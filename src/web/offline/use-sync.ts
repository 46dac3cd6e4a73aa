import { useSyncExternalStore } from "react";
import { type SyncState, subscribeSync, syncState } from "./sync-state";

/** The sync loop's state, for the screens: what is waiting, what was refused. */
export function useSyncState(): SyncState {
  return useSyncExternalStore(subscribeSync, syncState);
}
