import { describe, expect, it } from "vitest";
import { haversineKm, meetingFromFeedRow, meetingStartsBetween, searchWindow } from "./meetings";

const NY = "America/New_York";

describe("meetingFromFeedRow (Meeting Guide spec)", () => {
  it("maps the spec's fields", () => {
    const result = meetingFromFeedRow(
      {
        name: "Tuesday Night Hope",
        slug: "tuesday-night-hope",
        day: "2",
        time: "19:30",
        end_time: "20:30",
        types: ["o", "D", "ONL"],
        location: "St. Mark's Hall",
        address: "12 Elm St",
        city: "Springfield",
        state: "MA",
        latitude: "42.1",
        longitude: -72.5,
        conference_url: "https://zoom.us/j/123",
        notes: "Side door",
        timezone: "America/Chicago",
      },
      NY,
    );
    expect(result).toEqual({
      ok: true,
      meeting: expect.objectContaining({
        slug: "tuesday-night-hope",
        days: [2],
        time: "19:30",
        endTime: "20:30",
        types: ["O", "D", "ONL"],
        online: true,
        inPerson: true,
        address: "12 Elm St, Springfield, MA",
        latitude: 42.1,
        longitude: -72.5,
        conferenceUrl: "https://zoom.us/j/123",
        timeZone: "America/Chicago",
      }),
    });
  });

  it("takes a list of days, the feed's zone when the row has none, and derives a slug", () => {
    const result = meetingFromFeedRow(
      { name: "Daily Reflection", day: [1, "3", 5], time: "7:00", formatted_address: "1 Main St" },
      NY,
    );
    expect(result.ok && result.meeting).toMatchObject({
      days: [1, 3, 5],
      time: "07:00",
      timeZone: NY,
      slug: "daily-reflection-135-07-00",
      online: false,
      inPerson: true,
    });
  });

  it("says why a row cannot be read", () => {
    const reasons = [
      [{ day: 1, time: "19:00", address: "x" }, /name/],
      [{ name: "A", day: 7, time: "19:00", address: "x" }, /day/],
      [{ name: "A", time: "19:00", address: "x" }, /day is missing/],
      [{ name: "A", day: 1, time: "7pm", address: "x" }, /time/],
      [{ name: "A", day: 1, time: "19:00", end_time: "25:00", address: "x" }, /end_time/],
      [{ name: "A", day: 1, time: "19:00", address: "x", latitude: 91, longitude: 0 }, /latitude/],
      [
        { name: "A", day: 1, time: "19:00", conference_url: "javascript:alert(1)" },
        /conference_url/,
      ],
      [{ name: "A", day: 1, time: "19:00", address: "x", timezone: "Mars/Olympus" }, /timezone/],
      [{ name: "A", day: 1, time: "19:00" }, /no address/],
      ["just text", /not an object/],
    ] as const;
    for (const [row, reason] of reasons) {
      const result = meetingFromFeedRow(row, NY);
      expect(result.ok, JSON.stringify(row)).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(reason);
    }
  });

  it("treats a temporarily closed room as online only", () => {
    const result = meetingFromFeedRow(
      { name: "A", day: 1, time: "19:00", address: "x", types: ["TC", "ONL"] },
      NY,
    );
    expect(result.ok && [result.meeting.online, result.meeting.inPerson]).toEqual([true, false]);
  });
});

describe("meeting times across midnight and zones", () => {
  // Monday 2026-11-23, 23:00 in New York = 04:00Z Tuesday.
  const mondayElevenPm = new Date("2026-11-24T04:00:00Z");

  it("finds a 23:30 meeting from a search at 23:00 for the next two hours", () => {
    const window = searchWindow({ at: mondayElevenPm, timeZone: NY, withinHours: 2 });
    const starts = meetingStartsBetween(
      { days: [1], time: "23:30", timeZone: NY },
      window.start,
      window.end,
    );
    expect(starts.map((s) => s.toISOString())).toEqual(["2026-11-24T04:30:00.000Z"]);
  });

  it("finds Tuesday's 00:30 meeting from Monday 23:30", () => {
    const at = new Date("2026-11-24T04:30:00Z");
    const window = searchWindow({ at, timeZone: NY, withinHours: 2 });
    expect(
      meetingStartsBetween({ days: [2], time: "00:30", timeZone: NY }, window.start, window.end),
    ).toHaveLength(1);
    // …but not Monday's 00:30, which was a day ago.
    expect(
      meetingStartsBetween({ days: [1], time: "00:30", timeZone: NY }, window.start, window.end),
    ).toHaveLength(0);
  });

  it("puts a Los Angeles meeting at the right hour for a New York searcher", () => {
    // 19:00 Monday in LA is 22:00 Monday in NY.
    const window = searchWindow({
      at: new Date("2026-11-24T02:30:00Z"),
      timeZone: NY,
      withinHours: 1,
    });
    const starts = meetingStartsBetween(
      { days: [1], time: "19:00", timeZone: "America/Los_Angeles" },
      window.start,
      window.end,
    );
    expect(starts.map((s) => s.toISOString())).toEqual(["2026-11-24T03:00:00.000Z"]);
  });

  it("reads a weekday and wall times in the searcher's zone, running past midnight", () => {
    const window = searchWindow({
      at: mondayElevenPm,
      timeZone: NY,
      day: 5,
      from: "22:00",
      to: "02:00",
    });
    expect(window.start.toISOString()).toBe("2026-11-28T03:00:00.000Z"); // Fri 22:00 NY
    expect(window.end.toISOString()).toBe("2026-11-28T07:00:00.000Z"); // Sat 02:00 NY
    // A Tokyo meeting Saturday 16:30 local is Saturday 02:30 NY: just outside.
    expect(
      meetingStartsBetween(
        { days: [6], time: "16:30", timeZone: "Asia/Tokyo" },
        window.start,
        window.end,
      ),
    ).toHaveLength(0);
    expect(
      meetingStartsBetween(
        { days: [6], time: "15:30", timeZone: "Asia/Tokyo" },
        window.start,
        window.end,
      ),
    ).toHaveLength(1);
  });

  it("keeps the wall time through a daylight-saving change", () => {
    // US clocks fall back on Sunday 2026-11-01.
    const window = searchWindow({
      at: new Date("2026-10-30T12:00:00Z"),
      timeZone: NY,
      withinHours: 96,
    });
    const starts = meetingStartsBetween(
      { days: [0, 1], time: "19:00", timeZone: NY },
      window.start,
      window.end,
    );
    expect(starts.map((s) => s.toISOString())).toEqual([
      "2026-11-02T00:00:00.000Z",
      "2026-11-03T00:00:00.000Z",
    ]);
  });
});

describe("haversineKm", () => {
  it("measures a known distance and zero", () => {
    const nyc = { latitude: 40.7128, longitude: -74.006 };
    const philly = { latitude: 39.9526, longitude: -75.1652 };
    expect(haversineKm(nyc, philly)).toBeCloseTo(129.6, 0);
    expect(haversineKm(nyc, nyc)).toBe(0);
  });
});
