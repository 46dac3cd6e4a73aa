import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkNewPassword, PASSWORD_MAX_LENGTH, passwordLength } from "./password-policy";

const neverCommon = () => false;

describe("the password policy (NIST SP 800-63B-4)", () => {
  it("asks for at least 15 characters", () => {
    expect(checkNewPassword("fourteen chars", neverCommon)).toBe("too_short");
    expect(checkNewPassword("fifteen chars!!", neverCommon)).toBeNull();
  });

  it("counts characters, not bytes, so emoji and accents are one each", () => {
    expect(passwordLength("🌄🌄🌄")).toBe(3);
    expect(passwordLength("e\u0301")).toBe(1);
    expect(checkNewPassword("ñ".repeat(15), neverCommon)).toBeNull();
  });

  it("takes any characters, with no composition rules", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 15, maxLength: 64, unit: "grapheme" }), (password) => {
        fc.pre(passwordLength(password) >= 15);
        expect(checkNewPassword(password, neverCommon)).toBeNull();
      }),
    );
  });

  it("takes at least 64 characters and refuses only absurd lengths", () => {
    expect(checkNewPassword("a".repeat(64), neverCommon)).toBeNull();
    expect(checkNewPassword("a".repeat(PASSWORD_MAX_LENGTH), neverCommon)).toBeNull();
    expect(checkNewPassword("a".repeat(PASSWORD_MAX_LENGTH + 1), neverCommon)).toBe("too_long");
  });

  it("refuses a password on the common list", () => {
    expect(checkNewPassword("qwerty123456789", (p) => p === "qwerty123456789")).toBe("common");
  });
});
