import { describe, expect, it } from "vitest";
import { wallClockIn } from "./zone";

describe("wallClockIn", () => {
  it("reads the weekday and time in the given zone, across a day boundary", () => {
    const at = new Date("2026-03-02T04:30:00Z"); // Monday 04:30 UTC
    expect(wallClockIn("UTC", at)).toEqual({ weekday: 1, time: "04:30" });
    expect(wallClockIn("America/Chicago", at)).toEqual({ weekday: 0, time: "22:30" });
    expect(wallClockIn("Asia/Tokyo", at)).toEqual({ weekday: 1, time: "13:30" });
  });
});
