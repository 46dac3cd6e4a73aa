import fs from "node:fs";
import { gunzipSync } from "node:zlib";
import { hash, type Options, verify } from "@node-rs/argon2";
import { normalizePassword } from "../../domain/password-policy";

// OWASP Password Storage Cheat Sheet minimum for argon2id: 19 MiB, 2 iterations, 1 lane.
const ARGON2ID: Options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalizePassword(password));
  } catch {
    return false;
  }
}

/** A real hash of a throwaway password, verified when the account does not exist so the
 * answer takes the same time either way and does not reveal who has an account. */
let decoyHash: Promise<string> | null = null;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword("decoy password that no one ever signs in with");
  return decoyHash;
}

const COMMON_PASSWORDS_FILE = new URL("./common-passwords.txt.gz", import.meta.url);
let commonPasswords: Set<string> | null = null;

/**
 * The 100,000 most common passwords from breach corpora (see NOTICE), compared without
 * regard to case so "Password123" is refused as well as "password123".
 */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= loadCommonPasswords();
  return commonPasswords.has(password.toLowerCase());
}

export function commonPasswordCount(): number {
  commonPasswords ??= loadCommonPasswords();
  return commonPasswords.size;
}

function loadCommonPasswords(): Set<string> {
  const text = gunzipSync(fs.readFileSync(COMMON_PASSWORDS_FILE)).toString("utf8");
  return new Set(
    text
      .split("\n")
      .filter(Boolean)
      .map((line) => line.toLowerCase()),
  );
}
