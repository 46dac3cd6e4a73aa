import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import {
  Kysely,
  PostgresDialect,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteStatement,
} from "kysely";
import type { Pool } from "pg";
import type { Database } from "./schema";
import { countingCommits, type SyncFile, type WalSync, walSync } from "./wal-sync";

export type Dialect = "sqlite" | "postgres";

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The SQLite file, when the store is SQLite (backups need it). */
  sqlite: SQLite.Database | null;
  /** Resolves once every write committed so far is on the disk; every API answer waits for
   * it (SQLite syncs in groups, db/wal-sync.ts; a PostgreSQL commit is durable already). */
  durable(): Promise<void>;
  /** The SQLite group-commit state (fsyncs run), when the store is SQLite. */
  wal: WalSync | null;
  close(): Promise<void>;
}

export interface StoreOptions {
  databaseUrl: string | null;
  dataDir: string;
  /** A file name inside dataDir; tests use their own. */
  sqliteFile?: string;
}

export const SQLITE_FILE = "waymark.sqlite";

export function openStore(options: StoreOptions): Store {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openSqlite(path.join(options.dataDir, options.sqliteFile ?? SQLITE_FILE));
}

function openPostgres(url: string): Store {
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: () => postgresPool(url) }),
  });
  return {
    db,
    dialect: "postgres",
    sqlite: null,
    wal: null,
    durable: () => Promise.resolve(),
    close: () => db.destroy(),
  };
}

/**
 * node-postgres is loaded with the first query, not at start: a SQLite installation never
 * needs it, and its import alone (it builds a fetch Response to detect Cloudflare) was a
 * tenth of the cold start (docs/performance.md, fifth round).
 */
async function postgresPool(url: string): Promise<Pool> {
  const { default: pg } = await import("pg");
  // timestamptz (1184) and timestamp (1114) come back as ISO strings, the same as SQLite.
  pg.types.setTypeParser(1184, (value) => new Date(value).toISOString());
  pg.types.setTypeParser(1114, (value) => new Date(`${value}Z`).toISOString());
  // bigint (20) counts fit in a JS number for everything Waymark stores.
  pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));
  return new pg.Pool({ connectionString: url, max: 10 });
}

export function openSqlite(file: string, options: { syncFile?: SyncFile } = {}): Store {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers run beside the one writer. synchronous=NORMAL writes each commit to the
  // WAL without an fsync on the event loop; wal-sync.ts fsyncs it, for many commits at once,
  // before any answer leaves — so an acknowledged write survives a power cut, not only a crash.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const wal = walSync(file, options.syncFile);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite, wal) }),
  });
  return {
    db,
    dialect: "sqlite",
    sqlite,
    wal,
    durable: () => wal.durable(),
    async close() {
      await wal.close();
      await db.destroy();
    },
  };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every statement anew; preparing was a tenth of the write path's CPU time
 * (docs/performance.md). Queries are built from a fixed set of shapes, so prepared
 * statements are kept by SQL text, oldest dropped first once the cache is full.
 */
function withStatementCache(sqlite: SQLite.Database, wal: WalSync): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql);
      } else {
        statement = countingCommits(sqlite.prepare(sql), sql, sqlite, wal);
        if (statements.size >= STATEMENT_CACHE_SIZE) {
          const oldest = statements.keys().next().value;
          if (oldest !== undefined) statements.delete(oldest);
        }
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
