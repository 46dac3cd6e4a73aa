import type { QueuedWrite } from "./queue";

/**
 * What the sync loop (sync.ts) tells the screens, kept apart from the loop so the app's first
 * load carries only this: the loop itself loads with the first screen that saves or shows it.
 */
export interface SyncState {
  memberId: string | null;
  /** Writes on this phone that have not reached the server yet (refused ones not counted). */
  waiting: number;
  /** Those writes themselves, oldest first, so a screen can show what is saved only here. */
  pending: QueuedWrite[];
  /** Writes the server refused, waiting for the person to retry or discard them. */
  refused: QueuedWrite[];
  /** The server answered 401: the queue waits until the person signs in again. */
  needsSignIn: boolean;
  /** When the queue last became empty by sending (for "Everything is saved"). */
  allSentAt: number | null;
}

let state: SyncState = {
  memberId: null,
  waiting: 0,
  pending: [],
  refused: [],
  needsSignIn: false,
  allSentAt: null,
};
const listeners = new Set<() => void>();

export function syncState(): SyncState {
  return state;
}

export function subscribeSync(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setSyncState(change: Partial<SyncState>): void {
  state = { ...state, ...change };
  for (const listener of listeners) listener();
}
