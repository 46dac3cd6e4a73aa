import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkNewPassword,
  contextWordsFor,
  PASSWORD_MAX_LENGTH,
  passwordLength,
} from "./password-policy";

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

  it("refuses a password that is mostly the app's name or the person's own email and name", () => {
    const words = contextWordsFor({ email: "alex.rivera@example.org", displayName: "Alex Rivera" });
    for (const password of [
      "waymark waymark waymark",
      "Way-Mark 2025 waymark!!",
      "alex.rivera@example.org",
      "alexrivera alexrivera 1",
      "Rivera Example Alex 12",
    ]) {
      expect(checkNewPassword(password, neverCommon, words), password).toBe("context");
    }
    // A passphrase that only mentions one of them is the person's own.
    expect(checkNewPassword("alex walks by the river at dawn", neverCommon, words)).toBeNull();
    expect(checkNewPassword("my waymark is the mountain trail", neverCommon, words)).toBeNull();
    // The app's name is refused even when the person is not known yet.
    expect(checkNewPassword("waymark 2025 waymark", neverCommon)).toBe("context");
    // Punctuation alone is not "context": the length rule and the list judge it.
    expect(checkNewPassword("!!!!!!!!!!!!!!!", neverCommon, words)).toBeNull();
  });
});
