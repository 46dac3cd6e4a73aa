import { describe, expect, it } from "vitest";
import {
  addEscapePress,
  afterWrongPin,
  isIdleLongEnough,
  isIdleMinutes,
  isValidPin,
  MAX_PIN_ATTEMPTS,
  PIN_HASH,
} from "./device-lock";

describe("idle timing", () => {
  const start = Date.UTC(2026, 11, 5, 12, 0, 0);
  it("locks once the chosen minutes have passed, not a moment before", () => {
    expect(isIdleLongEnough(start, start + 59_999, 1)).toBe(false);
    expect(isIdleLongEnough(start, start + 60_000, 1)).toBe(true);
    expect(isIdleLongEnough(start, start + 4 * 60_000, 5)).toBe(false);
    expect(isIdleLongEnough(start, start + 15 * 60_000, 15)).toBe(true);
  });
  it("accepts only the offered idle choices", () => {
    expect(isIdleMinutes(1)).toBe(true);
    expect(isIdleMinutes(15)).toBe(true);
    expect(isIdleMinutes(0)).toBe(false);
    expect(isIdleMinutes("5")).toBe(false);
  });
});

describe("wrong PIN attempts", () => {
  it("counts down, then signs out at the limit", () => {
    expect(afterWrongPin(0)).toEqual({ kind: "try-again", failedAttempts: 1, attemptsLeft: 4 });
    expect(afterWrongPin(MAX_PIN_ATTEMPTS - 2)).toEqual({
      kind: "try-again",
      failedAttempts: MAX_PIN_ATTEMPTS - 1,
      attemptsLeft: 1,
    });
    expect(afterWrongPin(MAX_PIN_ATTEMPTS - 1)).toEqual({ kind: "sign-out" });
  });
});

describe("PIN rules", () => {
  it("takes 4 to 8 digits only", () => {
    expect(isValidPin("1234")).toBe(true);
    expect(isValidPin("12345678")).toBe(true);
    expect(isValidPin("123")).toBe(false);
    expect(isValidPin("123456789")).toBe(false);
    expect(isValidPin("12a4")).toBe(false);
    expect(isValidPin(" 1234")).toBe(false);
  });
  it("hashes with OWASP's PBKDF2-SHA256 work factor and a 16-byte salt", () => {
    expect(PIN_HASH.iterations).toBeGreaterThanOrEqual(600_000);
    expect(PIN_HASH.saltBytes).toBeGreaterThanOrEqual(16);
  });
});

describe("Escape three times", () => {
  it("exits on the third press inside the window, and forgets presses older than it", () => {
    let state = addEscapePress([], 0);
    expect(state.exit).toBe(false);
    state = addEscapePress(state.presses, 400);
    expect(state.exit).toBe(false);
    expect(addEscapePress(state.presses, 900).exit).toBe(true);
    // Too slow: the first press has fallen out of the window.
    expect(addEscapePress(state.presses, 1600)).toEqual({ presses: [400, 1600], exit: false });
  });
});
