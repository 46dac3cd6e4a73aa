import type { FastifyInstance } from "fastify";
import { buildApp } from "./app";
import type { AppContext } from "./app-context";
import type { Config } from "./config";
import { openStore } from "./db/connect";
import { migrateToLatest } from "./db/migrate";
import { sealTotpSecretsWithCurrentKey } from "./features/auth/second-factor/totp-secrets";
import { ensureDefaultOrganization } from "./organizations";
import { shareVapidKeys } from "./push/vapid";
import {
  isRemoteDatabaseWithoutTls,
  REMOTE_DATABASE_WITHOUT_TLS_WARNING,
} from "./security/database-transport";
import { adoptSecretsKey, openSecretBox } from "./security/secret-box";

/** Opens the store, brings its schema up to date and builds the app: what `serve` and tests share. */
export async function prepare(
  config: Config,
  options: { logLevel: string | false },
): Promise<{ app: FastifyInstance; context: AppContext }> {
  const store = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(store);
  await ensureDefaultOrganization(store.db);
  // Every process of one installation must sign pushes with the same key pair.
  await shareVapidKeys(store.db, config.dataDir);
  // Refuses to start with a key other than the installation's; seals seeds kept in clear or
  // with the previous key (a key change), then makes the current key the installation's.
  const secrets = await openSecretBox(store.db, config);
  await sealTotpSecretsWithCurrentKey(store.db, secrets);
  await adoptSecretsKey(store.db, config);
  const context: AppContext = { db: store.db, store, config, secrets };
  const app = await buildApp(context, options);
  if (isRemoteDatabaseWithoutTls(config.databaseUrl))
    app.log.warn(REMOTE_DATABASE_WITHOUT_TLS_WARNING);
  app.addHook("onClose", async () => store.close());
  return { app, context };
}
