import { createHash, randomBytes } from "node:crypto";

/** 128 bits from the OS's CSPRNG, URL-safe: session tokens and invite tokens. */
export function newSecretToken(): string {
  return randomBytes(16).toString("base64url");
}

/** Tokens are stored only as their SHA-256, so a copy of the database cannot be replayed. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
