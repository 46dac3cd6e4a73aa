import fs from "node:fs/promises";
import path from "node:path";
import type SQLite from "better-sqlite3";
import type { SqliteStatement } from "kysely";

/**
 * Group commit for SQLite. With synchronous=FULL every commit fsyncs the WAL on the event
 * loop, one request at a time: on this machine's disk that fsync was most of the write path
 * (docs/performance.md). Instead the store runs synchronous=NORMAL — a commit only writes the
 * WAL into the OS, which a killed process cannot lose — and, before any API answer leaves,
 * `durable()` fsyncs the WAL on libuv's thread pool. Commits made while one fsync runs share
 * the next one, so fifty concurrent check-ins cost a few fsyncs, and no acknowledged write can
 * be lost to a power cut. SQLite itself syncs the WAL before every checkpoint.
 */
export interface WalSync {
  /** Called after a statement that committed (a write outside a transaction, or COMMIT). */
  noteCommit(): void;
  /** Resolves once every commit noted so far is on the disk. */
  durable(): Promise<void>;
  /** How many fsyncs ran (tests and the bench read it). */
  readonly syncs: number;
  close(): Promise<void>;
}

/** Forces a file's written data to the disk. Tests pass their own to watch the order. */
export type SyncFile = (handle: fs.FileHandle) => Promise<void>;

// Commits made outside any request (background loops, the CLI) have no answer to wait for;
// they reach the disk within this long, or at the next request's sync.
const IDLE_SYNC_MS = 1000;

/**
 * fdatasync, as PostgreSQL syncs its own WAL on Linux (wal_sync_method's default there): the
 * WAL's frames and its size reach the disk, without a journal commit for the file's modification
 * time alone. On this machine's disk it took half as long as fsync (docs/performance.md, fifth
 * round), and every answer waits for it.
 */
const syncData: SyncFile = (handle) => handle.datasync();

export function walSync(databaseFile: string, syncFile: SyncFile = syncData): WalSync {
  let noted = 0;
  let synced = 0;
  let syncs = 0;
  let running: Promise<void> | null = null;
  let handle: Promise<fs.FileHandle> | null = null;
  let idleTimer: NodeJS.Timeout | null = null;

  const walHandle = () => {
    handle ??= openWal(databaseFile);
    return handle;
  };

  const syncOnce = async () => {
    // Everything noted before the fsync starts is covered by it.
    const target = noted;
    try {
      await syncFile(await walHandle());
      syncs += 1;
      synced = Math.max(synced, target);
    } finally {
      running = null;
    }
  };

  const durable = async () => {
    const target = noted;
    while (synced < target) {
      running ??= syncOnce();
      await running;
    }
  };

  return {
    noteCommit() {
      noted += 1;
      if (idleTimer) return;
      idleTimer = setTimeout(() => {
        idleTimer = null;
        durable().catch(() => {
          // The next request's durable() tries again and fails its answer if the disk does.
        });
      }, IDLE_SYNC_MS);
      idleTimer.unref();
    },
    durable,
    get syncs() {
      return syncs;
    },
    async close() {
      if (idleTimer) clearTimeout(idleTimer);
      await durable();
      if (handle) await (await handle).close();
    },
  };
}

/** The WAL exists once the database is in WAL mode; its folder is synced once so its name lasts. */
async function openWal(databaseFile: string): Promise<fs.FileHandle> {
  const wal = await fs.open(`${databaseFile}-wal`, "r");
  const folder = await fs.open(path.dirname(databaseFile), "r");
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
  return wal;
}

const COMMITS = /^\s*(commit|end|release)\b/i;

/**
 * Wraps a prepared statement that may commit, so the store learns of each commit. Reads are
 * returned as they are; a write inside a transaction counts when its COMMIT runs.
 */
export function countingCommits(
  statement: SQLite.Statement,
  sql: string,
  sqlite: SQLite.Database,
  wal: WalSync,
): SqliteStatement {
  if (statement.readonly && !COMMITS.test(sql)) return statement;
  const after = <T>(result: T): T => {
    if (!sqlite.inTransaction) wal.noteCommit();
    return result;
  };
  return {
    reader: statement.reader,
    all: (parameters) => after(statement.all(parameters)),
    run: (parameters) => after(statement.run(parameters)),
    iterate: (parameters) => statement.iterate(parameters),
  };
}
