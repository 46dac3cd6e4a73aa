import path from "node:path";
import { readConfig } from "../server/config";
import { restoreDatabase } from "../server/db/backup";
import { SQLITE_FILE } from "../server/db/connect";

export async function restore(args: string[]): Promise<number> {
  const file = args[0];
  if (!file) {
    process.stderr.write("Usage: waymark restore FILE   (stop the server first)\n");
    return 2;
  }
  const config = readConfig();
  const target = config.databaseUrl
    ? { databaseUrl: config.databaseUrl }
    : { sqliteFile: path.join(config.dataDir, SQLITE_FILE) };
  await restoreDatabase(target, path.resolve(file));
  process.stdout.write(`Restored from ${path.resolve(file)}. Start Waymark again.\n`);
  return 0;
}
