import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addLocalDays, eachLocalDay, type LocalDay, localDayOf } from "./local-day";
import {
  checkinCountBounds,
  computeProgress,
  daysWithoutUseBefore,
  type ProgressCheckin,
  type ProgressInput,
  recentCheckinsFrom,
} from "./progress";

const checkin = (date: LocalDay, used = false, mood = 5, craving = 5): ProgressCheckin => ({
  date,
  used,
  mood,
  craving,
});

/** A history: a start day, a length, and which days (as offsets) have check-ins and uses. */
const historyArbitrary = fc
  .record({
    startOffset: fc.integer({ min: 0, max: 4000 }),
    length: fc.integer({ min: 1, max: 200 }),
    useOffsets: fc.array(fc.nat({ max: 220 }), { maxLength: 30 }),
    checkins: fc.array(
      fc.record({
        offset: fc.nat({ max: 220 }),
        used: fc.boolean(),
        mood: fc.integer({ min: 0, max: 10 }),
        craving: fc.integer({ min: 0, max: 10 }),
      }),
      { maxLength: 80 },
    ),
  })
  .map(({ startOffset, length, useOffsets, checkins }): ProgressInput => {
    const start = addLocalDays("2018-01-01", startOffset);
    const byDay = new Map<LocalDay, ProgressCheckin>();
    for (const c of checkins) {
      const date = addLocalDays(start, c.offset);
      byDay.set(date, checkin(date, c.used, c.mood, c.craving));
    }
    return {
      today: addLocalDays(start, length - 1),
      accountCreatedOn: start,
      checkins: [...byDay.values()],
      useDays: useOffsets.map((offset) => addLocalDays(start, offset)),
    };
  });

/** The same numbers the slow, obvious way: walk every day and look it up. */
function model(input: ProgressInput) {
  const start = input.recoveryStart ?? input.accountCreatedOn;
  const useDays = new Set([
    ...input.useDays,
    ...input.checkins.filter((c) => c.used).map((c) => c.date),
  ]);
  const days = eachLocalDay(start, input.today);
  let streak = 0;
  let longest = 0;
  let lapses = 0;
  let withoutUse = 0;
  let previousUsed = false;
  for (const day of days) {
    const used = useDays.has(day);
    if (used) {
      streak = 0;
      if (!previousUsed) lapses += 1;
    } else {
      streak += 1;
      withoutUse += 1;
    }
    longest = Math.max(longest, streak);
    previousUsed = used;
  }
  return { daysSinceStart: days.length, withoutUse, current: streak, longest, lapses };
}

describe("progress, property by property", () => {
  it("agrees with a day-by-day walk of the calendar", () => {
    fc.assert(
      fc.property(historyArbitrary, (input) => {
        const progress = computeProgress(input);
        const expected = model(input);
        expect(progress.daysSinceStart).toBe(expected.daysSinceStart);
        expect(progress.totalDaysWithoutUse).toBe(expected.withoutUse);
        expect(progress.currentStreakDays).toBe(expected.current);
        expect(progress.longestStreakDays).toBe(expected.longest);
        expect(progress.lapses).toBe(expected.lapses);
      }),
    );
  });

  it("keeps longest ≥ current, total ≤ days since start, and the parts adding up", () => {
    fc.assert(
      fc.property(historyArbitrary, (input) => {
        const p = computeProgress(input);
        expect(p.longestStreakDays).toBeGreaterThanOrEqual(p.currentStreakDays);
        expect(p.totalDaysWithoutUse).toBeLessThanOrEqual(p.daysSinceStart);
        expect(p.totalDaysWithoutUse + p.daysWithUse).toBe(p.daysSinceStart);
        expect(p.returns).toHaveLength(p.lapses);
        const lapseDays = p.returns.reduce(
          (sum, r) => sum + eachLocalDay(r.lapseStartedOn, r.lapseEndedOn).length,
          0,
        );
        expect(lapseDays).toBe(p.daysWithUse);
        for (const r of p.returns) {
          if (r.returnedOn === null) {
            expect(r.lapseEndedOn).toBe(p.today);
            expect(r.daysToReturn).toBeNull();
          } else {
            expect(r.returnedOn).toBe(addLocalDays(r.lapseEndedOn, 1));
            expect(r.daysToReturn).toBe(eachLocalDay(r.lapseStartedOn, r.lapseEndedOn).length);
          }
        }
      }),
    );
  });

  it("never lets a lapse erase the days before it", () => {
    fc.assert(
      fc.property(historyArbitrary, fc.nat(), (input, pick) => {
        const days = eachLocalDay(input.accountCreatedOn, input.today);
        const lapseDay = days[pick % days.length] as LocalDay;
        const before = computeProgress(input);
        const after = computeProgress({ ...input, useDays: [...input.useDays, lapseDay] });
        const wasUseDay = before.returns.some(
          (r) => r.lapseStartedOn <= lapseDay && lapseDay <= r.lapseEndedOn,
        );
        expect(after.daysSinceStart).toBe(before.daysSinceStart);
        expect(after.totalDaysWithoutUse).toBe(before.totalDaysWithoutUse - (wasUseDay ? 0 : 1));
        // Everything up to the day before the lapse reads exactly as it did.
        const dayBefore = addLocalDays(lapseDay, -1);
        if (dayBefore >= input.accountCreatedOn) {
          const upTo = (history: ProgressInput) =>
            computeProgress({ ...history, today: dayBefore });
          const afterUpTo = upTo({ ...input, useDays: [...input.useDays, lapseDay] });
          expect(afterUpTo).toEqual(upTo(input));
          expect(after.longestStreakDays).toBeGreaterThanOrEqual(afterUpTo.longestStreakDays);
          const earlier = (r: { lapseEndedOn: LocalDay }) => r.lapseEndedOn < dayBefore;
          expect(after.returns.filter(earlier)).toEqual(before.returns.filter(earlier));
        }
      }),
    );
  });

  it("counts several uses on one day as one day with use", () => {
    fc.assert(
      fc.property(historyArbitrary, fc.integer({ min: 2, max: 6 }), (input, copies) => {
        const repeated = input.useDays.flatMap((day) => Array<LocalDay>(copies).fill(day));
        expect(computeProgress({ ...input, useDays: repeated })).toEqual(computeProgress(input));
      }),
    );
  });

  it("restores the streak when a recorded use is removed or a check-in is edited to no use", () => {
    fc.assert(
      fc.property(historyArbitrary, fc.nat(), (input, pick) => {
        const days = eachLocalDay(input.accountCreatedOn, input.today);
        const day = days[pick % days.length] as LocalDay;
        const withUse = { ...input, useDays: [...input.useDays, day] };
        const removed = { ...withUse, useDays: withUse.useDays.filter((d) => d !== day) };
        const original = { ...input, useDays: input.useDays.filter((d) => d !== day) };
        expect(computeProgress(removed)).toEqual(computeProgress(original));

        // A check-in saying "used" edited to "not used" reads as if it had never said so.
        const baseline = { ...original, checkins: original.checkins.filter((c) => c.date !== day) };
        const usedCheckin = { ...baseline, checkins: [...baseline.checkins, checkin(day, true)] };
        const edited = {
          ...usedCheckin,
          checkins: usedCheckin.checkins.map((c) => (c.date === day ? { ...c, used: false } : c)),
        };
        const streaks = (history: ProgressInput) => {
          const p = computeProgress(history);
          return [p.totalDaysWithoutUse, p.currentStreakDays, p.longestStreakDays, p.returns];
        };
        expect(streaks(edited)).toEqual(streaks(baseline));
        expect(computeProgress(usedCheckin).totalDaysWithoutUse).toBe(
          computeProgress(edited).totalDaysWithoutUse - (original.useDays.includes(day) ? 0 : 1),
        );
      }),
    );
  });

  it("counts a lapse on day one as a lapse, returned from the next day", () => {
    fc.assert(
      fc.property(historyArbitrary, (input) => {
        const start = input.accountCreatedOn;
        const p = computeProgress({ ...input, useDays: [...input.useDays, start] });
        expect(p.lapses).toBeGreaterThanOrEqual(1);
        expect(p.returns[0]?.lapseStartedOn).toBe(start);
        expect(p.totalDaysWithoutUse).toBeLessThan(p.daysSinceStart);
      }),
    );
  });
});

/** Long histories (up to about three years), with or without a start the member set. */
const longHistoryArbitrary = fc
  .record({
    length: fc.integer({ min: 1, max: 1100 }),
    checkins: fc.array(
      fc.record({
        offset: fc.integer({ min: -30, max: 1100 }),
        used: fc.boolean(),
        mood: fc.integer({ min: 0, max: 10 }),
        craving: fc.integer({ min: 0, max: 10 }),
      }),
      { maxLength: 400 },
    ),
    useOffsets: fc.array(fc.integer({ min: -30, max: 1100 }), { maxLength: 30 }),
    explicitStartOffset: fc.option(fc.integer({ min: -30, max: 1100 })),
  })
  .map(({ length, checkins, useOffsets, explicitStartOffset }): ProgressInput => {
    const start = "2020-02-01";
    const today = addLocalDays(start, length - 1);
    const byDay = new Map<LocalDay, ProgressCheckin>();
    for (const c of checkins) {
      const date = addLocalDays(start, c.offset);
      if (date <= today) byDay.set(date, checkin(date, c.used, c.mood, c.craving));
    }
    const explicit = explicitStartOffset === null ? null : addLocalDays(start, explicitStartOffset);
    return {
      today,
      accountCreatedOn: start,
      recoveryStart: explicit !== null && explicit <= today ? explicit : null,
      checkins: [...byDay.values()],
      useDays: useOffsets.map((offset) => addLocalDays(start, offset)).filter((d) => d <= today),
    };
  });

describe("progress from recent check-ins and totals (what the server reads)", () => {
  it("gives exactly the numbers the whole history gives", () => {
    fc.assert(
      fc.property(longHistoryArbitrary, (input) => {
        // What the server's two queries return: the totals, and recent or used check-ins.
        const bounds = checkinCountBounds(input.recoveryStart, input.today);
        const days = input.checkins.map((c) => c.date).sort();
        const totals = {
          firstDay: days[0] ?? null,
          daysCounted: days.filter(
            (d) => (bounds.from === null || d >= bounds.from) && d <= bounds.to,
          ).length,
        };
        const recentFrom = recentCheckinsFrom(input.today);
        const summarized: ProgressInput = {
          ...input,
          checkins: input.checkins.filter((c) => c.date >= recentFrom || c.used),
          checkinTotals: totals,
        };
        expect(computeProgress(summarized)).toEqual(computeProgress(input));
      }),
    );
  });
});

describe("progress across daylight-saving changes and leap days", () => {
  const zone = "America/New_York";

  it("gives every hour of the DST weeks exactly one local day, in order", () => {
    for (const [from, to] of [
      ["2026-03-06T00:00:00Z", "2026-03-11T00:00:00Z"],
      ["2026-10-30T00:00:00Z", "2026-11-04T00:00:00Z"],
    ] as const) {
      const hoursPerDay = new Map<LocalDay, number>();
      for (let t = Date.parse(from); t < Date.parse(to); t += 3600_000) {
        const day = localDayOf(new Date(t), zone);
        hoursPerDay.set(day, (hoursPerDay.get(day) ?? 0) + 1);
      }
      const days = [...hoursPerDay.keys()];
      expect(days).toEqual([...days].sort());
      expect(days).toEqual(eachLocalDay(days[0] as LocalDay, days.at(-1) as LocalDay));
      // 2026-03-08 is 23 hours long in New York; 2026-11-01 is 25.
      if (hoursPerDay.has("2026-03-08")) expect(hoursPerDay.get("2026-03-08")).toBe(23);
      if (hoursPerDay.has("2026-11-01")) expect(hoursPerDay.get("2026-11-01")).toBe(25);
    }
  });

  it("puts the minutes around each change of clocks on the right day", () => {
    expect(localDayOf(new Date("2026-03-08T04:59:00Z"), zone)).toBe("2026-03-07");
    expect(localDayOf(new Date("2026-03-08T05:00:00Z"), zone)).toBe("2026-03-08");
    expect(localDayOf(new Date("2026-03-09T03:59:00Z"), zone)).toBe("2026-03-08");
    expect(localDayOf(new Date("2026-03-09T04:00:00Z"), zone)).toBe("2026-03-09");
    expect(localDayOf(new Date("2026-11-01T03:59:00Z"), zone)).toBe("2026-10-31");
    expect(localDayOf(new Date("2026-11-02T04:59:00Z"), zone)).toBe("2026-11-01");
    expect(localDayOf(new Date("2026-11-02T05:00:00Z"), zone)).toBe("2026-11-02");
  });

  it("counts streaks through a DST change as calendar days, whatever the zone", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("2026-01-01T00:00:00Z"),
          max: new Date("2026-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom("America/New_York", "Europe/Berlin", "Australia/Sydney", "Pacific/Apia"),
        (instant, days, timeZone) => {
          const start = localDayOf(instant, timeZone);
          const later = localDayOf(new Date(instant.getTime() + days * 86_400_000), timeZone);
          const p = computeProgress({
            today: later,
            accountCreatedOn: start,
            checkins: [],
            useDays: [],
          });
          // A DST change can move the local day by at most one against 24-hour steps.
          expect(Math.abs(p.daysSinceStart - (days + 1))).toBeLessThanOrEqual(1);
          expect(p.currentStreakDays).toBe(p.daysSinceStart);
        },
      ),
    );
  });

  it("counts the spring-forward and fall-back days as one day each", () => {
    const spring = computeProgress({
      today: "2026-03-10",
      accountCreatedOn: "2026-03-06",
      checkins: [],
      useDays: ["2026-03-08"],
    });
    expect(spring).toMatchObject({
      daysSinceStart: 5,
      totalDaysWithoutUse: 4,
      currentStreakDays: 2,
      longestStreakDays: 2,
      returns: [
        {
          lapseStartedOn: "2026-03-08",
          lapseEndedOn: "2026-03-08",
          returnedOn: "2026-03-09",
          daysToReturn: 1,
        },
      ],
    });
    const fall = computeProgress({
      today: "2026-11-03",
      accountCreatedOn: "2026-10-25",
      checkins: [],
      useDays: ["2026-11-01"],
    });
    expect(fall).toMatchObject({ daysSinceStart: 10, currentStreakDays: 2, longestStreakDays: 7 });
  });

  it("counts 29 February in a leap year", () => {
    const p = computeProgress({
      today: "2028-03-01",
      accountCreatedOn: "2028-02-27",
      checkins: [],
      useDays: ["2028-02-29"],
    });
    expect(p).toMatchObject({
      daysSinceStart: 4,
      totalDaysWithoutUse: 3,
      currentStreakDays: 1,
      longestStreakDays: 2,
      returns: [
        {
          lapseStartedOn: "2028-02-29",
          lapseEndedOn: "2028-02-29",
          returnedOn: "2028-03-01",
          daysToReturn: 1,
        },
      ],
    });
    const year = computeProgress({
      today: "2028-12-31",
      accountCreatedOn: "2028-01-01",
      checkins: [],
      useDays: [],
    });
    expect(year.daysSinceStart).toBe(366);
  });
});

describe("progress, by example", () => {
  const base: ProgressInput = {
    today: "2026-11-26",
    accountCreatedOn: "2026-11-01",
    checkins: [],
    useDays: [],
  };

  it("starts at day one on the first day, with nothing counted against anyone", () => {
    const p = computeProgress({ ...base, today: "2026-11-01" });
    expect(p).toMatchObject({
      recoveryStart: "2026-11-01",
      daysSinceStart: 1,
      totalDaysWithoutUse: 1,
      currentStreakDays: 1,
      longestStreakDays: 1,
      lapses: 0,
      returns: [],
      lastUseOn: null,
      moneyRegained: null,
      checkedInToday: false,
      checkinConsistency: 0,
    });
  });

  it("counts a two-day lapse, its return, and keeps the total", () => {
    const p = computeProgress({
      ...base,
      checkins: [checkin("2026-11-10", true), checkin("2026-11-11", true)],
      useDays: ["2026-11-10", "2026-11-10"],
      costPerDay: 40,
    });
    expect(p).toMatchObject({
      daysSinceStart: 26,
      totalDaysWithoutUse: 24,
      daysWithUse: 2,
      currentStreakDays: 15,
      longestStreakDays: 15,
      lapses: 1,
      returns: [
        {
          lapseStartedOn: "2026-11-10",
          lapseEndedOn: "2026-11-11",
          returnedOn: "2026-11-12",
          daysToReturn: 2,
        },
      ],
      lastUseOn: "2026-11-11",
      moneyRegained: 960,
    });
  });

  it("leaves a lapse that reaches today without a return yet", () => {
    const p = computeProgress({ ...base, useDays: ["2026-11-25", "2026-11-26"] });
    expect(p.currentStreakDays).toBe(0);
    expect(p.longestStreakDays).toBe(24);
    expect(p.returns).toEqual([
      {
        lapseStartedOn: "2026-11-25",
        lapseEndedOn: "2026-11-26",
        returnedOn: null,
        daysToReturn: null,
      },
    ]);
  });

  it("starts from the first check-in when it comes before the account", () => {
    const p = computeProgress({ ...base, checkins: [checkin("2026-10-27")] });
    expect(p.recoveryStart).toBe("2026-10-27");
    expect(p.daysSinceStart).toBe(31);
  });

  it("uses the member's own recovery start and ignores use before it", () => {
    const p = computeProgress({
      ...base,
      recoveryStart: "2026-11-20",
      useDays: ["2026-11-05"],
      checkins: [checkin("2026-11-02", true)],
    });
    expect(p).toMatchObject({ daysSinceStart: 7, totalDaysWithoutUse: 7, lapses: 0 });
  });

  it("shows nothing counted yet when the chosen start is still to come", () => {
    const p = computeProgress({ ...base, recoveryStart: "2026-12-01" });
    expect(p).toMatchObject({
      daysSinceStart: 0,
      totalDaysWithoutUse: 0,
      currentStreakDays: 0,
      longestStreakDays: 0,
      checkinConsistency: null,
    });
  });

  it("averages mood and craving over 7, 30 and 90 days and names the trend", () => {
    const checkins = [
      // The week before last: hard days.
      ...eachLocalDay("2026-11-13", "2026-11-19").map((d) => checkin(d, false, 3, 8)),
      // This week: better, with two days not checked in.
      ...eachLocalDay("2026-11-20", "2026-11-24").map((d) => checkin(d, false, 6, 4)),
    ];
    const p = computeProgress({ ...base, checkins });
    expect(p.windows.last7).toMatchObject({
      from: "2026-11-20",
      to: "2026-11-26",
      daysCounted: 7,
      checkinDays: 5,
      checkinConsistency: 0.714,
      moodAverage: 6,
      cravingAverage: 4,
      moodTrend: { change: 3, direction: "rising" },
      cravingTrend: { change: -4, direction: "falling" },
    });
    expect(p.windows.last30).toMatchObject({ daysCounted: 26, checkinDays: 12 });
    expect(p.windows.last30.moodTrend).toBeNull();
    expect(p.windows.last90.moodAverage).toBe(4.3);
    expect(p.checkinConsistency).toBe(0.462);
  });

  it("calls a change under half a point steady", () => {
    const checkins = eachLocalDay("2026-11-13", "2026-11-26").map((d) =>
      d === "2026-11-26" ? checkin(d, false, 7, 7) : checkin(d, false, 5, 5),
    );
    const p = computeProgress({ ...base, checkins });
    expect(p.windows.last7.moodTrend).toEqual({ change: 0.3, direction: "steady" });
    expect(p.checkedInToday).toBe(true);
  });

  it("tells how many days without use came right before a use", () => {
    const history = { accountCreatedOn: "2026-11-01", checkins: [], useDays: ["2026-11-05"] };
    expect(daysWithoutUseBefore(history, "2026-11-20")).toBe(14);
    expect(daysWithoutUseBefore(history, "2026-11-06")).toBe(0);
    expect(daysWithoutUseBefore(history, "2026-11-01")).toBe(0);
    expect(daysWithoutUseBefore(history, "2026-11-02")).toBe(1);
  });
});
