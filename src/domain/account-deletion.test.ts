import { describe, expect, it } from "vitest";
import { DELETION_GRACE_DAYS, deletionDueAt, isSecretColumn } from "./account-deletion";

describe("account deletion", () => {
  it("is due a whole grace period after it was asked for", () => {
    const asked = new Date("2026-03-07T18:30:00.000Z");
    expect(DELETION_GRACE_DAYS).toBe(7);
    expect(deletionDueAt(asked).toISOString()).toBe("2026-03-14T18:30:00.000Z");
  });

  it("keeps hashes and push keys out of an export", () => {
    expect(
      ["token_hash", "password_hash", "auth", "p256dh", "totp_secret"].every(isSecretColumn),
    ).toBe(true);
    expect(["note", "member_id", "author", "hash_tags"].some(isSecretColumn)).toBe(false);
  });
});
