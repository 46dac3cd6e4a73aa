import { describe, expect, it } from "vitest";
import { describeAccess, type GrantView, grantAllows, grantStatus } from "./consent";

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

describe("grant status and the access log in words", () => {
  const now = new Date("2026-11-26T12:00:00Z");
  it("says a grant is revoked before it says it expired", () => {
    expect(grantStatus({ expiresAt: null, revokedAt: null }, now)).toBe("active");
    expect(grantStatus({ expiresAt: new Date("2026-11-26T11:00:00Z"), revokedAt: null }, now)).toBe(
      "expired",
    );
    expect(
      grantStatus(
        {
          expiresAt: new Date("2026-11-26T11:00:00Z"),
          revokedAt: new Date("2026-11-25T00:00:00Z"),
        },
        now,
      ),
    ).toBe("revoked");
  });
  it("describes reads and refusals by category", () => {
    expect(
      describeAccess({
        actorName: "Sam",
        action: "read:checkins",
        resource: "check-ins",
        outcome: "allowed",
      }),
    ).toEqual({ key: "care.access.read", params: { actor: "Sam", what: "checkins" } });
    expect(
      describeAccess({
        actorName: null,
        action: "read:summary",
        resource: "summary",
        outcome: "denied",
      }),
    ).toEqual({ key: "care.access.readDenied", params: { actor: "Someone", what: "summary" } });
  });
  it("describes peer-group moderation in its own words, never as a read of the record", () => {
    expect(
      describeAccess({
        actorName: "Sam",
        action: "moderate:hide-post",
        resource: "peer group post p1",
        outcome: "allowed",
      }),
    ).toEqual({
      key: "peerGroup.access.hide-post",
      params: { actor: "Sam", what: "peer group post p1" },
    });
    expect(
      describeAccess({
        actorName: "Robin",
        action: "grant:moderator",
        resource: "peer group moderator role",
        outcome: "allowed",
      }).key,
    ).toBe("peerGroup.access.moderator-grant");
  });

  it("describes account events in words of their own", () => {
    const event = {
      actorName: "Robin",
      resource: "password reset link",
      outcome: "allowed",
    } as const;
    expect(describeAccess({ ...event, action: "account:reset-link" }).key).toBe(
      "care.access.resetLink",
    );
    expect(describeAccess({ ...event, action: "account:password-reset" }).key).toBe(
      "care.access.passwordReset",
    );
    expect(describeAccess({ ...event, action: "account:passkey-added" }).key).toBe(
      "care.access.passkeyAdded",
    );
    expect(describeAccess({ ...event, action: "account:passkey-removed" }).key).toBe(
      "care.access.passkeyRemoved",
    );
    expect(describeAccess({ ...event, action: "account:passkey-sign-in" }).key).toBe(
      "care.access.passkeySignIn",
    );
    expect(describeAccess({ ...event, action: "account:sessions-ended" }).key).toBe(
      "care.access.sessionsEnded",
    );
    expect(
      describeAccess({ ...event, action: "account:sharing-ended", resource: "Sam Rivera" }),
    ).toEqual({ key: "care.access.sharingEnded", params: { actor: "Robin", what: "Sam Rivera" } });
    expect(describeAccess({ ...event, action: "account:removed-from-organization" }).key).toBe(
      "care.access.removedFromOrganization",
    );
  });
});
