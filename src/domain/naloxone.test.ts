import { describe, expect, it } from "vitest";
import { naloxoneExpiry } from "./naloxone";

describe("naloxoneExpiry", () => {
  it("counts days left, warns a month ahead, and says when it has expired", () => {
    expect(naloxoneExpiry("2026-11-26", "2027-04-26")).toEqual({ status: "ok", daysLeft: 151 });
    expect(naloxoneExpiry("2026-11-26", "2026-12-26")).toEqual({
      status: "expires_soon",
      daysLeft: 30,
    });
    expect(naloxoneExpiry("2026-11-26", "2026-11-26")).toEqual({
      status: "expires_soon",
      daysLeft: 0,
    });
    expect(naloxoneExpiry("2026-11-26", "2026-11-20")).toEqual({ status: "expired", daysAgo: 6 });
  });
});
