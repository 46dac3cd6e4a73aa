import { describe, expect, it } from "vitest";
import type { Consent } from "../../../domain/api/care";
import { askAudience } from "./ask-audience";

const consent = (
  id: string,
  displayName: string | null,
  categories: Consent["categories"],
  status: Consent["status"] = "active",
): Consent => ({
  id: `consent-${id}-${categories.join("-")}`,
  member: { id: "alex", displayName: "Alex" },
  recipient: { id, displayName, email: `${id}@example.org` },
  purpose: "So they know how I am doing",
  categories,
  createdAt: "2026-11-01T00:00:00.000Z",
  expiresAt: null,
  expiryEvent: "When I say so",
  signature: null,
  revocationAcknowledged: true,
  revocationStatement: "…",
  revokedAt: status === "revoked" ? "2026-11-02T00:00:00.000Z" : null,
  status,
});

describe("who sees an ask for support", () => {
  it("names each person with a live grant naming check-ins, once", () => {
    expect(
      askAudience([
        consent("jordan", "Jordan", ["checkins", "use"]),
        consent("jordan", "Jordan", ["checkins"]),
        consent("sam", "Sam Rivera", ["plan", "checkins"]),
        consent("kim", null, ["checkins"]),
      ]),
    ).toEqual(["Jordan", "Sam Rivera", "kim@example.org"]);
  });

  it("leaves out grants without check-ins, revoked and expired ones", () => {
    expect(
      askAudience([
        consent("riley", "Riley", ["use", "cravings"]),
        consent("kim", "Kim", ["checkins"], "revoked"),
        consent("lee", "Lee", ["checkins"], "expired"),
      ]),
    ).toEqual([]);
  });
});
