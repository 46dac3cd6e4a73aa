import { describe, expect, it } from "vitest";
import { commonPasswordCount, hashPassword, isCommonPassword, verifyPassword } from "./passwords";

describe("password storage", () => {
  it("hashes with argon2id at or above the OWASP minimum", async () => {
    const stored = await hashPassword("lantern over the quiet harbor");
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=1\$/);
    const [, memory, time] = stored.match(/m=(\d+),t=(\d+)/) ?? [];
    expect(Number(memory)).toBeGreaterThanOrEqual(19_456);
    expect(Number(time)).toBeGreaterThanOrEqual(2);
    expect(await verifyPassword(stored, "lantern over the quiet harbor")).toBe(true);
    expect(await verifyPassword(stored, "lantern over the quiet harbo")).toBe(false);
  });

  it("treats composed and decomposed accents as the same password", async () => {
    const stored = await hashPassword("caf\u00e9 by the river at dawn");
    expect(await verifyPassword(stored, "cafe\u0301 by the river at dawn")).toBe(true);
  });

  it("bundles at least 100,000 common passwords and matches them without regard to case", () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(100_000);
    expect(isCommonPassword("password")).toBe(true);
    expect(isCommonPassword("QWERTY123456789")).toBe(true);
    expect(isCommonPassword("lantern over the quiet harbor")).toBe(false);
  });
});
