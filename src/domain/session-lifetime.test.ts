import { describe, expect, it } from "vitest";
import {
  PERSONAL_SESSION,
  STAFF_SESSION,
  sessionExpiresAt,
  sessionLifetimeFor,
} from "./session-lifetime";

describe("session lifetimes", () => {
  it("gives clinicians and admins 30 idle minutes and 12 hours at most", () => {
    expect(sessionLifetimeFor(["clinician"])).toEqual({
      idleSeconds: 1800,
      absoluteSeconds: 43_200,
    });
    expect(sessionLifetimeFor(["member", "admin"])).toBe(STAFF_SESSION);
  });

  it("keeps members and supporters signed in on their own phone", () => {
    expect(sessionLifetimeFor(["member"])).toBe(PERSONAL_SESSION);
    expect(sessionLifetimeFor(["supporter"])).toBe(PERSONAL_SESSION);
    expect(PERSONAL_SESSION.idleSeconds).toBeGreaterThanOrEqual(7 * 24 * 3600);
  });

  it("ends a session at the earlier of its idle and absolute limits", () => {
    const lastSeen = new Date("2026-11-26T10:00:00Z");
    expect(sessionExpiresAt(lastSeen, 1800, new Date("2026-11-26T20:00:00Z")).toISOString()).toBe(
      "2026-11-26T10:30:00.000Z",
    );
    expect(sessionExpiresAt(lastSeen, 1800, new Date("2026-11-26T10:10:00Z")).toISOString()).toBe(
      "2026-11-26T10:10:00.000Z",
    );
  });
});
