import { describe, expect, it } from "vitest";
import { hashNewPin, pinMatches } from "./pin-hash";

// 600,000 PBKDF2 rounds per hash on purpose: slow on a busy 2-core test machine.
describe("PIN hash (WebCrypto PBKDF2)", { timeout: 60_000 }, () => {
  it("matches the right PIN only, and never stores the PIN itself", async () => {
    const record = await hashNewPin("482913");
    expect(JSON.stringify(record)).not.toContain("482913");
    expect(await pinMatches("482913", record)).toBe(true);
    expect(await pinMatches("482914", record)).toBe(false);
    expect(await pinMatches("", record)).toBe(false);
  });

  it("salts each hash, so the same PIN gives different records", async () => {
    const [first, second] = await Promise.all([hashNewPin("1234"), hashNewPin("1234")]);
    expect(first.salt).not.toBe(second.salt);
    expect(first.hash).not.toBe(second.hash);
  });
});
