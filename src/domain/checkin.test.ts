import { describe, expect, it } from "vitest";
import { checkinDateProblem } from "./checkin";

describe("check-in dates", () => {
  it("takes today, past days and one day of slack, nothing later or before 1900", () => {
    expect(checkinDateProblem("2026-11-26", "2026-11-26")).toBeNull();
    expect(checkinDateProblem("2026-11-27", "2026-11-26")).toBeNull();
    expect(checkinDateProblem("2026-11-28", "2026-11-26")).toBe("in_future");
    expect(checkinDateProblem("2099-01-01", "2026-11-26")).toBe("in_future");
    expect(checkinDateProblem("1899-12-31", "2026-11-26")).toBe("too_early");
  });
});
