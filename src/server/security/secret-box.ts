import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";

/**
 * Secrets the server must read back (a TOTP seed: a code cannot be checked without it) are kept
 * sealed with AES-256-GCM under a key that is never in the database, so a stolen database or
 * backup alone does not hand over anyone's authenticator. The key is WAYMARK_SECRETS_KEY (every
 * process of one installation must share it) or, for one process, `secrets.key` in the data
 * directory, made on first start and readable by the server's user only. To change the key,
 * start with the new one in WAYMARK_SECRETS_KEY and the old one in WAYMARK_SECRETS_KEY_PREVIOUS:
 * values sealed with the old key still open, are sealed again with the new one at start, and
 * then the installation adopts the new key (docs/deployment.md).
 */
export const SECRETS_KEY_FILE = "secrets.key";

/** Sealed values start with this (format version 1); anything else is a value from before. */
const SEALED_PREFIX = "wm1:";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_CHECK_NAME = "secrets-key-check";

export interface SecretBox {
  /** `context` names where the value lives (table, column, row): a sealed value copied to
   * another row does not open there. */
  seal(context: string, plaintext: string): string;
  open(context: string, sealed: string): string;
  /** The value sealed with the current key when it was sealed with a previous one; else null. */
  reseal(context: string, sealed: string): string | null;
}

interface KeyConfig {
  secretsKey: string | null;
  previousSecretsKey?: string | null;
  dataDir: string;
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(SEALED_PREFIX);
}

export function secretBox(key: Buffer, previousKeys: Buffer[] = []): SecretBox {
  for (const each of [key, ...previousKeys]) {
    if (each.length !== KEY_BYTES) throw new Error("A secrets key is 32 bytes.");
  }
  const seal = (context: string, plaintext: string) => {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    cipher.setAAD(Buffer.from(context, "utf8"));
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return SEALED_PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
  };
  return {
    seal,
    open(context, sealed) {
      for (const each of [key, ...previousKeys]) {
        const opened = openWith(each, context, sealed);
        if (opened !== null) return opened;
      }
      // GCM refuses a changed value, a value moved to another row, and another key alike.
      throw new Error(
        "A stored secret did not open with this secrets key (WAYMARK_SECRETS_KEY or secrets.key).",
      );
    },
    reseal(context, sealed) {
      if (openWith(key, context, sealed) !== null) return null;
      for (const each of previousKeys) {
        const opened = openWith(each, context, sealed);
        if (opened !== null) return seal(context, opened);
      }
      return null;
    },
  };
}

function openWith(key: Buffer, context: string, sealed: string): string | null {
  if (!isSealed(sealed)) throw new Error("Not a sealed value.");
  const bytes = Buffer.from(sealed.slice(SEALED_PREFIX.length), "base64url");
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error("A sealed value is damaged.");
  const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    const body = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** The installation's key: from the environment when set, else the data directory's file. */
export function readSecretsKey(config: KeyConfig): Buffer {
  if (config.secretsKey !== null) return parseKey(config.secretsKey, "WAYMARK_SECRETS_KEY");
  const file = path.join(config.dataDir, SECRETS_KEY_FILE);
  return readKeyFile(file) ?? createKeyFile(file);
}

/**
 * The key this process will use, checked against the installation's: the database keeps an
 * HMAC of the first key it met (never the key), so a second process started with another key —
 * its own secrets.key instead of the shared WAYMARK_SECRETS_KEY — refuses to start rather than
 * fail every sign-in with a code.
 */
export async function openSecretBox(db: Kysely<Database>, config: KeyConfig): Promise<SecretBox> {
  const key = readSecretsKey(config);
  const previous = config.previousSecretsKey
    ? parseKey(config.previousSecretsKey, "WAYMARK_SECRETS_KEY_PREVIOUS")
    : null;
  const check = keyCheck(key);
  await db
    .insertInto("installation_keys")
    .values({ name: KEY_CHECK_NAME, value: check, created_at: new Date().toISOString() })
    .onConflict((conflict) => conflict.column("name").doNothing())
    .execute();
  const stored = await db
    .selectFrom("installation_keys")
    .select("value")
    .where("name", "=", KEY_CHECK_NAME)
    .executeTakeFirstOrThrow();
  // A key change under way: the installation still knows the previous key.
  if (previous && sameText(stored.value, keyCheck(previous))) return secretBox(key, [previous]);
  if (!sameText(stored.value, check)) {
    throw new Error(
      "This database's secrets were sealed with another secrets key. Give every Waymark process " +
        "of this installation the same WAYMARK_SECRETS_KEY (docs/deployment.md).",
    );
  }
  return secretBox(key, previous ? [previous] : []);
}

/** After every secret has been sealed again with the current key: it is the installation's. */
export async function adoptSecretsKey(db: Kysely<Database>, config: KeyConfig): Promise<void> {
  await db
    .updateTable("installation_keys")
    .set({ value: keyCheck(readSecretsKey(config)) })
    .where("name", "=", KEY_CHECK_NAME)
    .execute();
}

function keyCheck(key: Buffer): string {
  return createHmac("sha256", key).update("waymark secrets key check v1").digest("hex");
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function parseKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), "base64");
  if (key.length !== KEY_BYTES) {
    throw new Error(
      `${where} must be 32 random bytes in base64, e.g. the output of \`openssl rand -base64 32\`.`,
    );
  }
  return key;
}

function readKeyFile(file: string): Buffer | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  // Readable by others, the key protects nothing from them: refuse rather than go on quietly.
  if (process.platform !== "win32" && (stat.mode & 0o077) !== 0) {
    throw new Error(`${file} must be readable by the server's user only: chmod 600 ${file}`);
  }
  return parseKey(fs.readFileSync(file, "utf8"), file);
}

function createKeyFile(file: string): Buffer {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(KEY_BYTES);
  try {
    // "wx": two processes starting together on one data dir must not overwrite each other.
    fs.writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const existing = readKeyFile(file);
    if (!existing) throw error;
    return existing;
  }
}
