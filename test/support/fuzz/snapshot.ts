import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Store } from "../../../src/server/db/connect";

/**
 * A fingerprint of every row the app keeps, per table, to prove that a refused request
 * changed nothing. Left out are the tables a refusal is meant to write: the audit log (a
 * refused read by someone else is audited), sign-in failures and the per-address counts
 * (that is how throttling works), the migrator's own tables; and the one column a request
 * touches at most once a minute, a session's last_seen_at.
 */
const WRITTEN_BY_REFUSALS = new Set([
  "audit_events",
  "audit_head",
  "auth_failures",
  "rate_limit_hits",
  "kysely_migration",
  "kysely_migration_lock",
]);
const TOUCHED_COLUMNS: Record<string, string[]> = { sessions: ["last_seen_at"] };

export type Snapshot = Map<string, string>;

export async function tablesOf(store: Store): Promise<string[]> {
  const names =
    store.dialect === "sqlite"
      ? await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
          store.db,
        )
      : await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(
          store.db,
        );
  return names.rows
    .map((r) => r.name)
    .filter((name) => !WRITTEN_BY_REFUSALS.has(name))
    .sort();
}

export async function snapshot(store: Store, tables: readonly string[]): Promise<Snapshot> {
  const result: Snapshot = new Map();
  for (const table of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
      store.db,
    );
    const skipped = TOUCHED_COLUMNS[table] ?? [];
    const lines = rows.rows
      .map((row) => {
        const kept = Object.entries(row).filter(([column]) => !skipped.includes(column));
        return JSON.stringify(kept, (_, value) =>
          typeof value === "bigint" ? String(value) : value,
        );
      })
      .sort();
    result.set(table, createHash("sha256").update(lines.join("\n")).digest("hex"));
  }
  return result;
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  return [...after.keys()].filter((table) => before.get(table) !== after.get(table));
}
