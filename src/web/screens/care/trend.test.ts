import { describe, expect, it } from "vitest";
import { checkinTrend } from "./trend";

describe("checkinTrend", () => {
  it("is null without check-ins", () => {
    expect(checkinTrend([])).toBeNull();
  });

  it("averages mood and craving and names the latest day, whatever the order", () => {
    expect(
      checkinTrend([
        { day: "2026-11-20", mood: 6, craving: 2 },
        { day: "2026-11-22", mood: 3, craving: 8 },
        { day: "2026-11-21", mood: 6, craving: 5 },
      ]),
    ).toEqual({
      count: 3,
      moodAverage: 5,
      cravingAverage: 5,
      latest: { day: "2026-11-22", mood: 3, craving: 8 },
    });
  });
});
