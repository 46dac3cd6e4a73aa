import type SQLite from "better-sqlite3";
import { CompiledQuery, type Kysely } from "kysely";
import type { Dialect, Store } from "../src/server/db/connect";

/**
 * Buffers rows per table and writes them as multi-row INSERTs, one transaction per flush.
 * The SQL text is built here and handed to Kysely precompiled: building a query tree for
 * millions of values costs more than the database spends storing them.
 */
export type Row = Record<string, string | number | null>;

// SQLite takes at most 32,766 bound values per statement, PostgreSQL 65,535.
const MAX_VALUES_PER_STATEMENT = 30_000;
const MAX_ROWS_PER_STATEMENT = 1_000;

export interface BatchWriter {
  add(table: string, row: Row): void;
  /** Rows waiting for the next flush. */
  readonly pending: number;
  /** Rows written so far, per table. */
  readonly written: Record<string, number>;
  flush(): Promise<void>;
}

/** `tableOrder` lists parents before children, so foreign keys hold inside each flush. */
export function batchWriter(store: Store, tableOrder: readonly string[]): BatchWriter {
  const execute = store.sqlite ? sqliteExecutor(store.sqlite) : kyselyExecutor(store);
  const buffers = new Map<string, { columns: string[]; values: unknown[][] }>();
  const written: Record<string, number> = {};
  let pending = 0;

  return {
    add(table, row) {
      if (!tableOrder.includes(table)) throw new Error(`No place for table ${table} in the order`);
      let buffer = buffers.get(table);
      if (!buffer) {
        buffer = { columns: Object.keys(row), values: [] };
        buffers.set(table, buffer);
      }
      buffer.values.push(buffer.columns.map((column) => row[column] ?? null));
      pending += 1;
    },
    get pending() {
      return pending;
    },
    written,
    async flush() {
      if (pending === 0) return;
      const statements: CompiledQuery[] = [];
      for (const table of tableOrder) {
        const buffer = buffers.get(table);
        if (!buffer || buffer.values.length === 0) continue;
        const perStatement = Math.max(
          1,
          Math.min(
            MAX_ROWS_PER_STATEMENT,
            Math.floor(MAX_VALUES_PER_STATEMENT / buffer.columns.length),
          ),
        );
        for (let start = 0; start < buffer.values.length; start += perStatement) {
          const chunk = buffer.values.slice(start, start + perStatement);
          statements.push(insertStatement(store.dialect, table, buffer.columns, chunk));
        }
        written[table] = (written[table] ?? 0) + buffer.values.length;
        buffer.values = [];
      }
      pending = 0;
      await execute(statements);
    },
  };
}

type Executor = (statements: readonly CompiledQuery[]) => Promise<void>;

function kyselyExecutor(store: Store): Executor {
  const db = store.db as unknown as Kysely<unknown>;
  return async (statements) => {
    await db.transaction().execute(async (trx) => {
      for (const statement of statements) await trx.executeQuery(statement);
    });
  };
}

function sqliteExecutor(sqlite: SQLite.Database): Executor {
  const prepared = new Map<string, SQLite.Statement>();
  const runAll = sqlite.transaction((statements: readonly CompiledQuery[]) => {
    for (const { sql, parameters } of statements) {
      let statement = prepared.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        prepared.set(sql, statement);
      }
      statement.run(parameters as unknown[]);
    }
  });
  return async (statements) => {
    runAll(statements);
  };
}

/** `insert into "t" ("a","b") values (?,?),(?,?)` with $n placeholders on PostgreSQL. */
export function insertStatement(
  dialect: Dialect,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
): CompiledQuery {
  const parameters: unknown[] = [];
  const tuples: string[] = [];
  for (const row of rows) {
    const marks: string[] = [];
    for (const value of row) {
      parameters.push(value);
      marks.push(dialect === "postgres" ? `$${parameters.length}` : "?");
    }
    tuples.push(`(${marks.join(",")})`);
  }
  const columnList = columns.map((column) => `"${column}"`).join(",");
  return CompiledQuery.raw(
    `insert into "${table}" (${columnList}) values ${tuples.join(",")}`,
    parameters,
  );
}
