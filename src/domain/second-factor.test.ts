import { describe, expect, it } from "vitest";
import {
  formatRecoveryCode,
  isFreshStep,
  normalizeRecoveryCode,
  normalizeTotpCode,
  RECOVERY_CODE_ID_LENGTH,
  recoveryCodeFromBytes,
  requiresSecondFactor,
} from "./second-factor";

describe("who must add a second factor", () => {
  it("is anyone with a role that sees other people's records", () => {
    expect(requiresSecondFactor(["clinician"])).toBe(true);
    expect(requiresSecondFactor(["supporter"])).toBe(true);
    expect(requiresSecondFactor(["member", "admin"])).toBe(true);
    expect(requiresSecondFactor(["member"])).toBe(false);
    expect(requiresSecondFactor([])).toBe(false);
  });
});

describe("recovery codes", () => {
  it("are 12 characters of Crockford base32, shown in groups of four", () => {
    const code = recoveryCodeFromBytes(Uint8Array.from({ length: 12 }, (_, i) => i * 37));
    expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{12}$/);
    expect(formatRecoveryCode(code)).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    expect(RECOVERY_CODE_ID_LENGTH).toBeLessThan(code.length);
  });

  it("use every one of the 32 characters, so each carries 5 bits", () => {
    const seen = new Set(recoveryCodeFromBytes(Uint8Array.from({ length: 12 }, (_, i) => i)));
    const more = recoveryCodeFromBytes(Uint8Array.from({ length: 12 }, (_, i) => i + 12));
    const rest = recoveryCodeFromBytes(Uint8Array.from({ length: 12 }, (_, i) => i + 20));
    for (const c of more + rest) seen.add(c);
    expect(seen.size).toBe(32);
  });

  it("refuse too few random bytes", () => {
    expect(() => recoveryCodeFromBytes(new Uint8Array(11))).toThrow();
  });

  it("read back whatever case, dashes and spaces, and o/i/l typed for 0/1", () => {
    expect(normalizeRecoveryCode("ABCD-EFGH-JK01")).toBe("abcdefghjk01");
    expect(normalizeRecoveryCode(" abcd efgh jkOI ")).toBe("abcdefghjk01");
    expect(normalizeRecoveryCode("abcd-efgh-jkl0")).toBe("abcdefghjk10");
  });

  it("refuse the wrong length or characters outside the alphabet", () => {
    expect(normalizeRecoveryCode("abcd-efgh-jk0")).toBeNull();
    expect(normalizeRecoveryCode("abcd-efgh-jk012")).toBeNull();
    expect(normalizeRecoveryCode("abcd-efgh-jku0")).toBeNull();
    expect(normalizeRecoveryCode("abcd-efgh-jk!0")).toBeNull();
  });
});

describe("TOTP codes", () => {
  it("are six digits, spaces allowed", () => {
    expect(normalizeTotpCode("123 456")).toBe("123456");
    expect(normalizeTotpCode("12345")).toBeNull();
    expect(normalizeTotpCode("12345a")).toBeNull();
    expect(normalizeTotpCode("1234567")).toBeNull();
  });

  it("are accepted once: only for a step after the last one used", () => {
    expect(isFreshStep(100, null)).toBe(true);
    expect(isFreshStep(101, 100)).toBe(true);
    expect(isFreshStep(100, 100)).toBe(false);
    expect(isFreshStep(99, 100)).toBe(false);
  });
});
