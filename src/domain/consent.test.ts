import { describe, expect, it } from "vitest";
import { type GrantView, grantAllows } from "./consent";

const now = new Date("2026-11-26T12:00:00Z");
const grant: GrantView = {
  granteeUserId: "sam",
  categories: ["checkins", "plan"],
  expiresAt: null,
  revokedAt: null,
};

describe("what a consent grant allows", () => {
  it("allows its grantee the categories it names", () => {
    expect(grantAllows(grant, "sam", "checkins", now)).toBe(true);
    expect(grantAllows(grant, "sam", "medication", now)).toBe(false);
    expect(grantAllows(grant, "someone-else", "checkins", now)).toBe(false);
  });

  it("ends at its expiry and at revocation, to the millisecond", () => {
    expect(
      grantAllows({ ...grant, expiresAt: new Date(now.getTime() + 1) }, "sam", "plan", now),
    ).toBe(true);
    expect(grantAllows({ ...grant, expiresAt: now }, "sam", "plan", now)).toBe(false);
    expect(grantAllows({ ...grant, revokedAt: now }, "sam", "plan", now)).toBe(false);
  });
});
