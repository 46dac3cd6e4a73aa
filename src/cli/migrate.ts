import { readConfig } from "../server/config";
import { openStore } from "../server/db/connect";
import { migrateToLatest } from "../server/db/migrate";

export async function migrate(): Promise<number> {
  const config = readConfig();
  const store = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrateToLatest(store);
    process.stdout.write(
      applied.length ? `Applied: ${applied.join(", ")}\n` : "The database is up to date.\n",
    );
    return 0;
  } finally {
    await store.close();
  }
}
