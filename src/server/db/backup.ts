import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import SQLite from "better-sqlite3";
import type { Store } from "./connect";
import { findPostgresTool } from "./postgres-tools";

const run = promisify(execFile);

/**
 * A consistent copy while the server keeps running: SQLite's online backup API copies a
 * snapshot page by page; PostgreSQL's pg_dump reads one snapshot in a single transaction.
 */
export async function backupDatabase(
  store: Store,
  databaseUrl: string | null,
  file: string,
): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (store.sqlite) {
    await store.sqlite.backup(file);
    return;
  }
  if (!databaseUrl) throw new Error("A PostgreSQL store needs its DATABASE_URL to back up.");
  await run(findPostgresTool("pg_dump"), [
    "--format=custom",
    "--no-owner",
    `--file=${file}`,
    databaseUrl,
  ]);
}

/** Replaces the database with a backup. The server must be stopped first. */
export async function restoreDatabase(
  target: { sqliteFile: string } | { databaseUrl: string },
  file: string,
): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`No backup at ${file}.`);
  if ("databaseUrl" in target) {
    await run(findPostgresTool("pg_restore"), [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--single-transaction",
      `--dbname=${target.databaseUrl}`,
      file,
    ]);
    return;
  }
  assertWaymarkSqlite(file);
  // The old write-ahead log belongs to the old file; left in place it would be replayed on top.
  for (const suffix of ["-wal", "-shm"])
    fs.rmSync(`${target.sqliteFile}${suffix}`, { force: true });
  const staging = `${target.sqliteFile}.restoring`;
  fs.copyFileSync(file, staging);
  fs.renameSync(staging, target.sqliteFile);
}

function assertWaymarkSqlite(file: string): void {
  let backup: SQLite.Database | null = null;
  try {
    backup = new SQLite(file, { readonly: true, fileMustExist: true });
    backup.prepare("select count(*) from kysely_migration").get();
  } catch {
    throw new Error(`${file} is not a Waymark SQLite backup.`);
  } finally {
    backup?.close();
  }
}
