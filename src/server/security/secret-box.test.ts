import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isSealed, readSecretsKey, SECRETS_KEY_FILE, secretBox } from "./secret-box";

const SEED = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

describe("the secret box (AES-256-GCM)", () => {
  const box = secretBox(randomBytes(32));

  it("seals a value so it is not readable, with a fresh nonce each time, and opens it again", () => {
    const first = box.seal("totp:a", SEED);
    const second = box.seal("totp:a", SEED);
    expect(isSealed(first)).toBe(true);
    expect(first).not.toContain(SEED);
    expect(first).not.toBe(second);
    expect(box.open("totp:a", first)).toBe(SEED);
    expect(box.open("totp:a", second)).toBe(SEED);
  });

  it("refuses a value moved to another row, changed by one bit, or sealed with another key", () => {
    const sealed = box.seal("totp:a", SEED);
    expect(() => box.open("totp:b", sealed)).toThrow(/did not open/);
    const bytes = Buffer.from(sealed.slice(4), "base64url");
    bytes[14] = (bytes[14] ?? 0) ^ 1;
    expect(() => box.open("totp:a", `wm1:${bytes.toString("base64url")}`)).toThrow(/did not open/);
    expect(() => secretBox(randomBytes(32)).open("totp:a", sealed)).toThrow(/did not open/);
    expect(() => box.open("totp:a", SEED)).toThrow(/Not a sealed value/);
    expect(isSealed(SEED)).toBe(false);
  });
});

describe("a key change", () => {
  it("opens values sealed with the previous key, and seals them again with the new one", () => {
    const previous = randomBytes(32);
    const sealed = secretBox(previous).seal("totp:a", SEED);
    const changing = secretBox(randomBytes(32), [previous]);
    expect(changing.open("totp:a", sealed)).toBe(SEED);
    const resealed = changing.reseal("totp:a", sealed);
    expect(resealed).not.toBeNull();
    expect(changing.reseal("totp:a", resealed ?? "")).toBeNull();
    expect(() => secretBox(previous).open("totp:a", resealed ?? "")).toThrow(/did not open/);
  });
});

describe("the secrets key", () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-key-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is made on first start in the data directory, readable by the server's user only", () => {
    const dir = dataDir();
    const key = readSecretsKey({ secretsKey: null, dataDir: dir });
    expect(key).toHaveLength(32);
    const file = path.join(dir, SECRETS_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(readSecretsKey({ secretsKey: null, dataDir: dir }).equals(key)).toBe(true);
  });

  it("refuses a key file that others can read", () => {
    const dir = dataDir();
    readSecretsKey({ secretsKey: null, dataDir: dir });
    fs.chmodSync(path.join(dir, SECRETS_KEY_FILE), 0o644);
    expect(() => readSecretsKey({ secretsKey: null, dataDir: dir })).toThrow(/chmod 600/);
  });

  it("comes from WAYMARK_SECRETS_KEY when set (no file), and must be 32 bytes", () => {
    const dir = dataDir();
    const shared = randomBytes(32);
    const key = readSecretsKey({ secretsKey: shared.toString("base64"), dataDir: dir });
    expect(key.equals(shared)).toBe(true);
    expect(fs.existsSync(path.join(dir, SECRETS_KEY_FILE))).toBe(false);
    expect(() => readSecretsKey({ secretsKey: "too-short", dataDir: dir })).toThrow(
      /WAYMARK_SECRETS_KEY must be 32 random bytes/,
    );
  });
});
