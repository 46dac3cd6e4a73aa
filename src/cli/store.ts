import { readConfig } from "../server/config";
import { openStore, type Store } from "../server/db/connect";
import { migrateToLatest } from "../server/db/migrate";
import { ensureDefaultOrganization } from "../server/organizations";

/** Opens the configured store with its schema up to date, runs `work`, and closes it. */
export async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const config = readConfig();
  const store = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(store);
    await ensureDefaultOrganization(store.db);
    return await work(store);
  } finally {
    await store.close();
  }
}
