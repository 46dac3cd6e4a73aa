import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "kysely";
import type { Dialect, Store } from "./connect";
import * as m0001 from "./migrations/0001_foundation";
import * as m0002 from "./migrations/0002_idempotency";
import * as m0003 from "./migrations/0003_daily";
import * as m0004 from "./migrations/0004_plan";
import * as m0005 from "./migrations/0005_medication";
import * as m0006 from "./migrations/0006_assessments";
import * as m0007 from "./migrations/0007_care";
import * as m0008 from "./migrations/0008_support";
import * as m0009 from "./migrations/0009_meeting_reminders";
import * as m0010 from "./migrations/0010_support_requests";
import * as m0018 from "./migrations/0018_shared_state";
import * as m0020 from "./migrations/0020_account_deletion";
import * as m0021 from "./migrations/0021_rewards";
import * as m0022 from "./migrations/0022_idempotency_retention";
import * as m0023 from "./migrations/0023_peer_group";
import * as m0024 from "./migrations/0024_messages";
import * as m0025 from "./migrations/0025_lessons";
import * as m0026 from "./migrations/0026_second_factor";
import * as m0027 from "./migrations/0027_passkeys";

/** What a migration needs to know to write the same schema on both dialects. */
export interface MigrationContext {
  dialect: Dialect;
  /** Column type for instants: timestamptz on PostgreSQL, ISO text on SQLite. */
  instant: "timestamptz" | "text";
}

type MigrationModule = { up(db: Kysely<unknown>, context: MigrationContext): Promise<void> };

// Numbered files, never edited after they land; add new ones at the end.
const migrations: Record<string, MigrationModule> = {
  "0001_foundation": m0001,
  "0002_idempotency": m0002,
  "0003_daily": m0003,
  "0004_plan": m0004,
  "0005_medication": m0005,
  "0006_assessments": m0006,
  "0007_care": m0007,
  "0008_support": m0008,
  "0009_meeting_reminders": m0009,
  "0010_support_requests": m0010,
  "0018_shared_state": m0018,
  "0020_account_deletion": m0020,
  "0021_rewards": m0021,
  "0022_idempotency_retention": m0022,
  "0023_peer_group": m0023,
  "0024_messages": m0024,
  "0025_lessons": m0025,
  "0026_second_factor": m0026,
  "0027_passkeys": m0027,
  // (new migrations go above this line, in number order)
};

class StaticProvider implements MigrationProvider {
  constructor(private readonly context: MigrationContext) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(migrations).map(([name, module]) => [
        name,
        { up: (db: Kysely<unknown>) => module.up(db, this.context) },
      ]),
    );
  }
}

/** Brings the schema up to date; returns the names of the migrations it applied. */
export async function migrateToLatest(store: Store): Promise<string[]> {
  const context: MigrationContext = {
    dialect: store.dialect,
    instant: store.dialect === "postgres" ? "timestamptz" : "text",
  };
  if (await everyMigrationApplied(store)) return [];
  const migrator = new Migrator({ db: store.db, provider: new StaticProvider(context) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/**
 * Every start asks; almost always nothing is left to do. Kysely's Migrator finds that out by
 * introspecting every table's columns, a few dozen statements at each cold start
 * (docs/performance.md, fifth round); one read of its own table says the same. Names are
 * committed with their migration, so a migration still running elsewhere is not counted.
 */
async function everyMigrationApplied(store: Store): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(
      store.db,
    );
    const applied = new Set(rows.map((row) => row.name));
    const known = Object.keys(migrations);
    return applied.size === known.length && known.every((name) => applied.has(name));
  } catch {
    // No migration table yet (a new database): the Migrator creates it.
    return false;
  }
}
