import { describe, expect, it } from "vitest";
import {
  FREE_FAILURES,
  LOCK_AFTER_FAILURES,
  MAX_WAIT_SECONDS,
  signInThrottle,
} from "./sign-in-throttle";

const now = new Date("2026-11-26T12:00:00Z");
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);

describe("sign-in throttling", () => {
  it("lets a few typos through at once", () => {
    expect(signInThrottle(FREE_FAILURES - 1, now, now)).toEqual({ kind: "allowed" });
  });

  it("makes the wait double with each further failure, up to fifteen minutes", () => {
    expect(signInThrottle(FREE_FAILURES, now, now)).toEqual({ kind: "wait", retryAfterSeconds: 1 });
    expect(signInThrottle(FREE_FAILURES + 3, now, now)).toEqual({
      kind: "wait",
      retryAfterSeconds: 8,
    });
    expect(signInThrottle(80, now, now)).toEqual({
      kind: "wait",
      retryAfterSeconds: MAX_WAIT_SECONDS,
    });
  });

  it("allows a try once the wait has passed", () => {
    expect(signInThrottle(FREE_FAILURES + 3, secondsAgo(8), now)).toEqual({ kind: "allowed" });
    expect(signInThrottle(FREE_FAILURES + 3, secondsAgo(5), now)).toEqual({
      kind: "wait",
      retryAfterSeconds: 3,
    });
  });

  it("locks the account at 100 consecutive failures, however long ago", () => {
    expect(signInThrottle(LOCK_AFTER_FAILURES - 1, secondsAgo(10_000), now).kind).toBe("allowed");
    expect(signInThrottle(LOCK_AFTER_FAILURES, secondsAgo(10_000_000), now)).toEqual({
      kind: "locked",
    });
  });
});
