import type { QueuedWrite } from "./queue";

/**
 * The device side of offline use, in IndexedDB: the write queue (in the order writes were
 * made: an auto-increment key) and the last answer seen for each read-only view. Both hold
 * the person's health data, so both are cleared at sign-out (docs/security.md, "On the device").
 * Kept thin on purpose: the rules live in queue.ts.
 */

const DATABASE = "waymark-offline";
const WRITES = "writes";
const LAST_SEEN = "lastSeen";

interface StoredWrite {
  seq?: number;
  write: QueuedWrite;
}

export interface Seen<T> {
  value: T;
  /** When this answer came from the server (ISO instant). */
  seenAt: string;
}

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore(WRITES, { keyPath: "seq", autoIncrement: true });
      db.createObjectStore(LAST_SEEN);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading or deleting the database: let it, and reopen next time.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      opening = null;
      reject(request.error);
    };
  });
  return opening;
}

/** Runs `body` in one transaction; resolves when the transaction has committed. */
async function inTransaction<T>(
  stores: string[],
  mode: IDBTransactionMode,
  body: (transaction: IDBTransaction) => () => T,
): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    const transaction = db.transaction(stores, mode);
    const result = body(transaction);
    transaction.oncomplete = () => resolve(result());
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new Error("transaction aborted"));
  });
}

export async function readQueue(): Promise<QueuedWrite[]> {
  return inTransaction([WRITES], "readonly", (transaction) => {
    const request = transaction.objectStore(WRITES).getAll();
    return () => (request.result as StoredWrite[]).map((stored) => stored.write);
  });
}

/**
 * Reads the queue, applies `change` and writes the difference back, all in one transaction, so
 * a write queued by the screen while the sync loop records an answer is never lost.
 */
export async function updateQueue(
  change: (queue: QueuedWrite[]) => QueuedWrite[],
): Promise<QueuedWrite[]> {
  return inTransaction([WRITES], "readwrite", (transaction) => {
    const store = transaction.objectStore(WRITES);
    let next: QueuedWrite[] = [];
    const request = store.getAll();
    request.onsuccess = () => {
      const stored = request.result as StoredWrite[];
      const seqOf = new Map(stored.map((each) => [each.write.id, each.seq]));
      const before = new Map(stored.map((each) => [each.write.id, each.write]));
      next = change(stored.map((each) => each.write));
      const kept = new Set(next.map((write) => write.id));
      for (const each of stored) {
        if (!kept.has(each.write.id) && each.seq !== undefined) store.delete(each.seq);
      }
      for (const write of next) {
        const seq = seqOf.get(write.id);
        if (seq === undefined) store.add({ write });
        else if (before.get(write.id) !== write) store.put({ seq, write });
      }
    };
    return () => next;
  });
}

export async function rememberSeen(key: string, value: unknown, now = new Date()): Promise<void> {
  const seen: Seen<unknown> = { value, seenAt: now.toISOString() };
  await inTransaction([LAST_SEEN], "readwrite", (transaction) => {
    transaction.objectStore(LAST_SEEN).put(seen, key);
    return () => undefined;
  });
}

export async function recallSeen<T>(key: string): Promise<Seen<T> | null> {
  return inTransaction([LAST_SEEN], "readonly", (transaction) => {
    const request = transaction.objectStore(LAST_SEEN).get(key);
    return () => (request.result as Seen<T> | undefined) ?? null;
  });
}

/** Sign-out: nothing of the person's stays on the device. */
export async function wipeDevice(): Promise<void> {
  await inTransaction([WRITES, LAST_SEEN], "readwrite", (transaction) => {
    transaction.objectStore(WRITES).clear();
    transaction.objectStore(LAST_SEEN).clear();
    return () => undefined;
  });
}
