import fs from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import webpush from "web-push";
import type { Database } from "../db/schema";

/**
 * The server's VAPID key pair (RFC 8292), which push services use to know that messages
 * come from this Waymark. The database holds the pair (`installation_keys`), so every server
 * process of one installation signs with the same one and a database backup keeps it; each
 * process's data dir holds a copy readable by the server's user only, which `loadVapidKeys`
 * reads. Losing the pair means every browser has to subscribe again.
 */
export const VAPID_FILE = "vapid.json";

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

const cache = new Map<string, VapidKeys>();
const KEY_NAME = "vapid";

/**
 * Run once as a process starts: agrees the pair with the other processes through the
 * database, and leaves it in this process's data dir. A pair made before the database kept
 * it (an older installation's vapid.json) becomes the installation's, so its subscriptions
 * keep working; two processes starting at once both end up with whichever pair landed first.
 */
export async function shareVapidKeys(db: Kysely<Database>, dataDir: string): Promise<VapidKeys> {
  const file = path.join(dataDir, VAPID_FILE);
  let shared = await storedKeys(db);
  if (!shared) {
    const candidate = readKeys(file) ?? generateKeys();
    await db
      .insertInto("installation_keys")
      .values({
        name: KEY_NAME,
        value: JSON.stringify(candidate),
        created_at: new Date().toISOString(),
      })
      .onConflict((conflict) => conflict.column("name").doNothing())
      .execute();
    shared = await storedKeys(db);
    if (!shared) throw new Error("the VAPID key pair could not be stored");
  }
  const local = readKeys(file);
  if (local?.publicKey !== shared.publicKey || local.privateKey !== shared.privateKey) {
    writeCopy(file, shared);
  }
  cache.set(file, shared);
  return shared;
}

async function storedKeys(db: Kysely<Database>): Promise<VapidKeys | null> {
  const row = await db
    .selectFrom("installation_keys")
    .select("value")
    .where("name", "=", KEY_NAME)
    .executeTakeFirst();
  return row ? parseKeys(row.value, "installation_keys") : null;
}

/** Replaces the data dir's copy in one step, so a reader never sees half a file. */
function writeCopy(file: string, keys: VapidKeys): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temporary, file);
}

function generateKeys(): VapidKeys {
  const generated = webpush.generateVAPIDKeys();
  return { publicKey: generated.publicKey, privateKey: generated.privateKey };
}

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
  return parseKeys(text, file);
}

function parseKeys(text: string, where: string): VapidKeys {
  const parsed = JSON.parse(text) as Partial<VapidKeys>;
  if (typeof parsed.publicKey !== "string" || typeof parsed.privateKey !== "string") {
    throw new Error(`${where} does not hold a VAPID key pair; move it away to make a new one.`);
  }
  return { publicKey: parsed.publicKey, privateKey: parsed.privateKey };
}

function createKeys(file: string): VapidKeys {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const keys = generateKeys();
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
