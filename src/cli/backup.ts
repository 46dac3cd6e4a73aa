import path from "node:path";
import { readConfig } from "../server/config";
import { backupDatabase } from "../server/db/backup";
import { withStore } from "./store";

export async function backup(args: string[]): Promise<number> {
  const config = readConfig();
  const stamp = new Date()
    .toISOString()
    .replaceAll(":", "-")
    .replace(/\.\d+Z$/, "Z");
  const extension = config.databaseUrl ? "pgdump" : "sqlite";
  const file = path.resolve(
    args[0] ?? path.join(config.dataDir, "backups", `waymark-${stamp}.${extension}`),
  );
  await withStore((store) => backupDatabase(store, config.databaseUrl, file));
  process.stdout.write(`Backup written to ${file}\n`);
  return 0;
}
