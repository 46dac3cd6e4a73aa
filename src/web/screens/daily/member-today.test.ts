import { describe, expect, it } from "vitest";
import { dayStartsAround } from "../../../domain/local-day";
import { memberToday } from "./member-today";

describe("the member's day on the phone", () => {
  const sentAt = new Date("2026-11-01T03:30:00Z");
  const zone = "America/New_York";
  const days = dayStartsAround(sentAt, zone);

  it("is read from the day starts /api/me sent, in the member's zone", () => {
    // 23:30 on 31 October in New York, whatever zone the phone is in.
    expect(memberToday({ timeZone: zone, days }, sentAt)).toBe("2026-10-31");
    // Clocks go back on 1 November: that day is 25 hours long and still one day.
    expect(memberToday({ timeZone: zone, days }, new Date("2026-11-02T04:59:00Z"))).toBe(
      "2026-11-01",
    );
    expect(memberToday({ timeZone: zone, days }, new Date("2026-11-02T05:00:00Z"))).toBe(
      "2026-11-02",
    );
  });

  it("follows the day starts, not a formatter, while they cover now", () => {
    // Starts that put the day's change at 12:00 UTC prove the sent days are what is read.
    const sent = [
      { day: "2026-12-05", startsAt: "2026-12-05T12:00:00Z" },
      { day: "2026-12-06", startsAt: "2026-12-06T12:00:00Z" },
    ];
    expect(memberToday({ timeZone: "UTC", days: sent }, new Date("2026-12-06T08:00:00Z"))).toBe(
      "2026-12-05",
    );
  });

  it("falls back to the zone's rules past the days sent, or without them", () => {
    const weeksLater = new Date("2026-12-01T12:00:00Z");
    expect(memberToday({ timeZone: zone, days }, weeksLater)).toBe("2026-12-01");
    expect(memberToday({ timeZone: "Pacific/Kiritimati" }, weeksLater)).toBe("2026-12-02");
  });
});
