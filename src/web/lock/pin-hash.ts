import { PIN_HASH } from "../../domain/device-lock";

/**
 * The PIN never leaves the device and is never stored: only a salted PBKDF2 hash from
 * WebCrypto is kept (docs/security.md, "A shared phone").
 */
export interface PinRecord {
  salt: string;
  hash: string;
  iterations: number;
}

export async function hashNewPin(pin: string): Promise<PinRecord> {
  const salt = crypto.getRandomValues(new Uint8Array(PIN_HASH.saltBytes));
  const hash = await derive(pin, salt, PIN_HASH.iterations);
  return { salt: toBase64(salt), hash: toBase64(hash), iterations: PIN_HASH.iterations };
}

export async function pinMatches(pin: string, record: PinRecord): Promise<boolean> {
  const derived = await derive(pin, fromBase64(record.salt), record.iterations);
  const expected = fromBase64(record.hash);
  // Compare every byte whatever the first difference, so timing tells nothing.
  let difference = derived.length ^ expected.length;
  for (let index = 0; index < expected.length; index++) {
    difference |= (derived[index] ?? 0) ^ (expected[index] ?? 0);
  }
  return difference === 0;
}

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(pin), "PBKDF2", false, [
    "deriveBits",
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: PIN_HASH.algorithm, hash: PIN_HASH.hash, salt: salt as BufferSource, iterations },
    key,
    PIN_HASH.bits,
  );
  return new Uint8Array(bits);
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (character) => character.charCodeAt(0));
}
