import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { inject } from "vitest";
import { buildApp } from "../../src/server/app";
import type { AppContext } from "../../src/server/app-context";
import { type Config, readConfig } from "../../src/server/config";
import { type Dialect, openStore, type Store } from "../../src/server/db/connect";
import { migrateToLatest } from "../../src/server/db/migrate";
import { ensureDefaultOrganization } from "../../src/server/organizations";
import { openSecretBox } from "../../src/server/security/secret-box";

/** The integration suite runs every test file against both stores. */
export const DIALECTS: Dialect[] = ["sqlite", "postgres"];

export interface TestApp {
  app: FastifyInstance;
  context: AppContext;
  store: Store;
  config: Config;
  close(): Promise<void>;
}

/** A fresh, migrated database of the given dialect and the real app on top of it. */
export async function startTestApp(
  dialect: Dialect,
  overrides: Partial<Config> = {},
  logStream?: NodeJS.WritableStream,
): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-int-"));
  const databaseUrl = dialect === "postgres" ? await createDatabase() : null;
  const config: Config = {
    ...readConfig({}),
    dataDir,
    databaseUrl,
    webDir: path.join(dataDir, "no-web"),
    authRateLimit: { max: 1000, windowMs: 60_000 },
    ...overrides,
  };
  const store = openStore({ databaseUrl, dataDir });
  await migrateToLatest(store);
  await ensureDefaultOrganization(store.db);
  const secrets = await openSecretBox(store.db, config);
  const context: AppContext = { db: store.db, store, config, secrets };
  const app = await buildApp(
    context,
    logStream ? { logLevel: "debug", logStream } : { logLevel: false },
  );
  return {
    app,
    context,
    store,
    config,
    async close() {
      await app.close();
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new, empty database on the run's PostgreSQL cluster. */
export async function createDatabase(): Promise<string> {
  const url = new URL(inject("postgresUrl"));
  const name = `waymark_${randomUUID().replaceAll("-", "")}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}
