import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { createDatabase } from "../../../test/support/test-app";
import { type Dialect, openStore, type Store } from "./connect";
import { migrateToLatest } from "./migrate";

/** Every start migrates; on an up-to-date database that must be one cheap read, and only then. */
describe.each<Dialect>(["sqlite", "postgres"])("migrating on %s", (dialect) => {
  let store: Store | null = null;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-migrate-"));
  afterEach(async () => {
    await store?.close();
    store = null;
  });

  it("applies every migration once, then finds nothing to do, and notices one not yet applied", async () => {
    const databaseUrl = dialect === "postgres" ? await createDatabase() : null;
    store = openStore({ databaseUrl, dataDir, sqliteFile: "migrate.sqlite" });
    const applied = await migrateToLatest(store);
    expect(applied[0]).toBe("0001_foundation");
    expect(await migrateToLatest(store)).toEqual([]);

    // As if the last migration had just been added to the code: the next start runs it (here
    // it fails, its tables being there already), rather than skipping it as up to date.
    const last = applied[applied.length - 1] as string;
    await sql`delete from kysely_migration where name = ${last}`.execute(store.db);
    await expect(migrateToLatest(store)).rejects.toThrow();
  });
});
