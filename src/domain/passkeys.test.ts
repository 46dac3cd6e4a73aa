import { describe, expect, it } from "vitest";
import {
  hasAnySecondFactor,
  isFreshSignCount,
  isLastSecondFactor,
  normalizePasskeyName,
  relyingPartyOf,
} from "./passkeys";

describe("passkey rules", () => {
  it("accepts only a counter that moves forward, unless the authenticator keeps none", () => {
    expect(isFreshSignCount(0, 0)).toBe(true);
    expect(isFreshSignCount(5, 4)).toBe(true);
    expect(isFreshSignCount(4, 4)).toBe(false);
    expect(isFreshSignCount(3, 4)).toBe(false);
    // A key that counted before and now says 0 was reset or cloned.
    expect(isFreshSignCount(0, 7)).toBe(false);
    expect(isFreshSignCount(1, 0)).toBe(true);
  });

  it("tells when a removal leaves no second factor", () => {
    expect(isLastSecondFactor({ totp: false, passkeys: 1 })).toBe(true);
    expect(isLastSecondFactor({ totp: false, passkeys: 2 })).toBe(false);
    expect(isLastSecondFactor({ totp: true, passkeys: 1 })).toBe(false);
    expect(hasAnySecondFactor({ totp: false, passkeys: 0 })).toBe(false);
    expect(hasAnySecondFactor({ totp: false, passkeys: 1 })).toBe(true);
    expect(hasAnySecondFactor({ totp: true, passkeys: 0 })).toBe(true);
  });

  it("tidies the name a person gives, and refuses an empty one", () => {
    expect(normalizePasskeyName("  My   phone ")).toBe("My phone");
    expect(normalizePasskeyName(" \n ")).toBeNull();
    expect(normalizePasskeyName("x".repeat(80))).toHaveLength(60);
  });

  it("binds passkeys to the public address when there is one, else to the request's", () => {
    expect(relyingPartyOf("https://waymark.clinic.example/app", "http://10.0.0.5:8080")).toEqual({
      rpID: "waymark.clinic.example",
      origin: "https://waymark.clinic.example",
    });
    expect(relyingPartyOf(null, "http://localhost:8080")).toEqual({
      rpID: "localhost",
      origin: "http://localhost:8080",
    });
    // Browsers leave a default port out of the origin they report.
    expect(relyingPartyOf(null, "http://localhost:80").origin).toBe("http://localhost");
  });
});
