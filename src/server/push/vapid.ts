import fs from "node:fs";
import path from "node:path";
import webpush from "web-push";

/**
 * The server's VAPID key pair (RFC 8292), which push services use to know that messages
 * come from this Waymark. Generated the first time it is needed and kept in the data dir
 * (also when the database is PostgreSQL: the keys belong to the installation, like its
 * backups), readable by the server's user only. Losing the file means every browser has to
 * subscribe again; backing up the data dir keeps it.
 */
export const VAPID_FILE = "vapid.json";

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

const cache = new Map<string, VapidKeys>();

export function loadVapidKeys(dataDir: string): VapidKeys {
  const file = path.join(dataDir, VAPID_FILE);
  const cached = cache.get(file);
  if (cached) return cached;
  const keys = readKeys(file) ?? createKeys(file);
  cache.set(file, keys);
  return keys;
}

function readKeys(file: string): VapidKeys | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const parsed = JSON.parse(text) as Partial<VapidKeys>;
  if (typeof parsed.publicKey !== "string" || typeof parsed.privateKey !== "string") {
    throw new Error(`${file} does not hold a VAPID key pair; move it away to make a new one.`);
  }
  return { publicKey: parsed.publicKey, privateKey: parsed.privateKey };
}

function createKeys(file: string): VapidKeys {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const generated = webpush.generateVAPIDKeys();
  const keys: VapidKeys = { publicKey: generated.publicKey, privateKey: generated.privateKey };
  try {
    // "wx": two processes starting together must not overwrite each other's keys.
    fs.writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600, flag: "wx" });
    return keys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const existing = readKeys(file);
    if (!existing) throw error;
    return existing;
  }
}
