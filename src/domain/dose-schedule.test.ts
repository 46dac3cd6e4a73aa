import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addScheduleDays,
  type DoseSchedule,
  doseScheduleSchema,
  effectivePeriods,
  instantAt,
  isDoseDay,
  localDayAt,
  localTimeAt,
  nearestScheduledDose,
  scheduleDaysBetween,
  scheduledDoseInstants,
  scheduledDosesForPeriods,
  upcomingDoses,
  WEEKDAYS,
  weekdayOf,
} from "./dose-schedule";

const NEW_YORK = "America/New_York";
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe("scheduled dose instants", () => {
  it("keeps a 09:00 dose at 09:00 local across the spring-forward change in New York", () => {
    const doses = scheduledDoseInstants(
      { kind: "daily", times: ["09:00"] },
      "2026-03-06",
      "2026-03-10",
      NEW_YORK,
    );
    expect(iso(doses)).toEqual([
      "2026-03-06T14:00:00.000Z",
      "2026-03-07T14:00:00.000Z",
      "2026-03-08T13:00:00.000Z",
      "2026-03-09T13:00:00.000Z",
      "2026-03-10T13:00:00.000Z",
    ]);
  });

  it("keeps it at 09:00 local across the fall-back change too", () => {
    const doses = scheduledDoseInstants(
      { kind: "daily", times: ["09:00"] },
      "2026-10-31",
      "2026-11-02",
      NEW_YORK,
    );
    expect(iso(doses)).toEqual([
      "2026-10-31T13:00:00.000Z",
      "2026-11-01T14:00:00.000Z",
      "2026-11-02T14:00:00.000Z",
    ]);
  });

  it("moves a wall time that does not exist forward by the gap, and takes a doubled one once", () => {
    expect(instantAt("2026-03-08", "02:30", NEW_YORK).toISOString()).toBe(
      "2026-03-08T07:30:00.000Z",
    );
    expect(instantAt("2026-11-01", "01:30", NEW_YORK).toISOString()).toBe(
      "2026-11-01T05:30:00.000Z",
    );
    const fallBack = scheduledDoseInstants(
      { kind: "daily", times: ["01:30"] },
      "2026-11-01",
      "2026-11-01",
      NEW_YORK,
    );
    expect(fallBack).toHaveLength(1);
  });

  it("puts an evening dose on the member's own day, not the UTC day", () => {
    const [dose] = scheduledDoseInstants(
      { kind: "daily", times: ["21:00"] },
      "2026-05-01",
      "2026-05-01",
      "America/Los_Angeles",
    );
    expect(dose?.toISOString()).toBe("2026-05-02T04:00:00.000Z");
    expect(localDayAt(dose as Date, "America/Los_Angeles")).toBe("2026-05-01");
  });

  it("follows chosen weekdays", () => {
    const schedule: DoseSchedule = {
      kind: "weekdays",
      days: ["mon", "wed", "fri"],
      times: ["08:00"],
    };
    const doses = scheduledDoseInstants(schedule, "2026-06-01", "2026-06-07", "Europe/Berlin");
    expect(doses.map((d) => localDayAt(d, "Europe/Berlin"))).toEqual([
      "2026-06-01",
      "2026-06-03",
      "2026-06-05",
    ]);
    expect(weekdayOf("2026-06-01")).toBe("mon");
  });

  it("schedules an injection every 4 weeks from its start date, through a DST change", () => {
    const schedule: DoseSchedule = {
      kind: "every_n_weeks",
      intervalWeeks: 4,
      startDate: "2026-01-05",
      times: ["10:00"],
    };
    const doses = scheduledDoseInstants(schedule, "2025-12-01", "2026-06-30", NEW_YORK);
    expect(doses.map((d) => localDayAt(d, NEW_YORK))).toEqual([
      "2026-01-05",
      "2026-02-02",
      "2026-03-02",
      "2026-03-30",
      "2026-04-27",
      "2026-05-25",
      "2026-06-22",
    ]);
    expect(doses.every((d) => localTimeAt(d, NEW_YORK) === "10:00")).toBe(true);
    // 28 local days apart; in hours one interval is an hour short (spring forward).
    const hours = doses
      .slice(1)
      .map((d, i) => (d.getTime() - (doses[i] as Date).getTime()) / 3.6e6);
    expect(hours).toEqual([672, 672, 671, 672, 672, 672]);
  });

  it("uses each period's schedule from its effective day", () => {
    const doses = scheduledDosesForPeriods(
      [
        { schedule: { kind: "daily", times: ["08:00"] }, effectiveFrom: "2026-04-01" },
        { schedule: { kind: "daily", times: ["08:00", "20:00"] }, effectiveFrom: "2026-04-03" },
      ],
      "2026-03-30",
      "2026-04-04",
      "UTC",
    );
    expect(iso(doses)).toEqual([
      "2026-04-01T08:00:00.000Z",
      "2026-04-02T08:00:00.000Z",
      "2026-04-03T08:00:00.000Z",
      "2026-04-03T20:00:00.000Z",
      "2026-04-04T08:00:00.000Z",
      "2026-04-04T20:00:00.000Z",
    ]);
  });

  it("lets a change entered later with an earlier date supersede what it covers", () => {
    const daily = (time: string): DoseSchedule => ({ kind: "daily", times: [time] });
    const periods = effectivePeriods([
      { schedule: daily("08:00"), effectiveFrom: "2026-04-10", recordedAt: "2026-04-10T12:00:00Z" },
      { schedule: daily("09:00"), effectiveFrom: "2026-05-01", recordedAt: "2026-04-20T12:00:00Z" },
      { schedule: daily("10:00"), effectiveFrom: "2026-04-15", recordedAt: "2026-04-25T12:00:00Z" },
    ]);
    expect(periods.map((p) => [p.effectiveFrom, p.schedule.times[0]])).toEqual([
      ["2026-04-10", "08:00"],
      ["2026-04-15", "10:00"],
    ]);
  });

  it("finds the scheduled dose nearest to a logged time, and none far away", () => {
    const periods = [
      {
        schedule: { kind: "daily", times: ["09:00"] } as DoseSchedule,
        effectiveFrom: "2026-01-01",
      },
    ];
    expect(
      nearestScheduledDose(periods, new Date("2026-03-08T15:10:00Z"), NEW_YORK)?.toISOString(),
    ).toBe("2026-03-08T13:00:00.000Z");
    const weekly = [
      {
        schedule: { kind: "weekdays", days: ["mon"], times: ["09:00"] } as DoseSchedule,
        effectiveFrom: "2026-01-01",
      },
    ];
    expect(nearestScheduledDose(weekly, new Date("2026-03-11T12:00:00Z"), NEW_YORK)).toBeNull();
  });

  it("lists the next doses after an instant", () => {
    const next = upcomingDoses(
      { kind: "daily", times: ["09:00"] },
      new Date("2026-03-07T15:00:00Z"),
      NEW_YORK,
      2,
    );
    expect(iso(next)).toEqual(["2026-03-08T13:00:00.000Z", "2026-03-09T13:00:00.000Z"]);
  });

  it("refuses schedules that cannot be read", () => {
    expect(doseScheduleSchema.safeParse({ kind: "daily", times: ["24:00"] }).success).toBe(false);
    expect(doseScheduleSchema.safeParse({ kind: "daily", times: [] }).success).toBe(false);
    expect(doseScheduleSchema.safeParse({ kind: "daily", times: ["09:00", "09:00"] }).success).toBe(
      false,
    );
    expect(
      doseScheduleSchema.safeParse({
        kind: "every_n_weeks",
        intervalWeeks: 4,
        startDate: "2026-02-30",
        times: ["09:00"],
      }).success,
    ).toBe(false);
  });
});

// Zones with daylight saving on both hemispheres and some without; times from 04:00 on
// never fall in a transition in these zones, so they must round-trip exactly.
const ZONES = [
  "America/New_York",
  "America/Los_Angeles",
  "Europe/London",
  "Europe/Berlin",
  "Australia/Sydney",
  "Pacific/Auckland",
  "Asia/Kolkata",
  "America/Sao_Paulo",
  "UTC",
];
const zoneArb = fc.constantFrom(...ZONES);
const dayArb = fc
  .date({
    min: new Date("2024-01-01T00:00:00Z"),
    max: new Date("2027-12-31T00:00:00Z"),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const safeTimeArb = fc
  .tuple(fc.integer({ min: 4, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
const timesArb = fc.uniqueArray(safeTimeArb, { minLength: 1, maxLength: 4 });
const scheduleArb: fc.Arbitrary<DoseSchedule> = fc.oneof(
  timesArb.map((times) => ({ kind: "daily" as const, times })),
  fc
    .tuple(fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 7 }), timesArb)
    .map(([days, times]) => ({ kind: "weekdays" as const, days, times })),
  fc
    .tuple(fc.integer({ min: 1, max: 12 }), dayArb, timesArb)
    .map(([intervalWeeks, startDate, times]) => ({
      kind: "every_n_weeks" as const,
      intervalWeeks,
      startDate,
      times,
    })),
);

describe("scheduled dose instants, for any zone and schedule", () => {
  it("land on dose days in the range, at the chosen local times, in order", () => {
    fc.assert(
      fc.property(
        scheduleArb,
        zoneArb,
        dayArb,
        fc.integer({ min: 0, max: 60 }),
        (schedule, zone, from, length) => {
          const to = addScheduleDays(from, length);
          const doses = scheduledDoseInstants(schedule, from, to, zone);
          for (const [index, dose] of doses.entries()) {
            const day = localDayAt(dose, zone);
            expect(day >= from && day <= to).toBe(true);
            expect(isDoseDay(schedule, day)).toBe(true);
            expect(schedule.times).toContain(localTimeAt(dose, zone));
            if (index > 0)
              expect(dose.getTime()).toBeGreaterThan((doses[index - 1] as Date).getTime());
          }
          let expected = 0;
          for (let offset = 0; offset <= length; offset += 1) {
            if (isDoseDay(schedule, addScheduleDays(from, offset)))
              expected += schedule.times.length;
          }
          expect(doses).toHaveLength(expected);
        },
      ),
      { numRuns: 60 },
    );
  }, 30_000);

  it("space injection days exactly N weeks apart in local days", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        dayArb,
        safeTimeArb,
        zoneArb,
        (weeks, start, time, zone) => {
          const schedule: DoseSchedule = {
            kind: "every_n_weeks",
            intervalWeeks: weeks,
            startDate: start,
            times: [time],
          };
          const doses = scheduledDoseInstants(
            schedule,
            start,
            addScheduleDays(start, 7 * weeks * 6),
            zone,
          );
          expect(doses).toHaveLength(7);
          const days = doses.map((d) => localDayAt(d, zone));
          expect(days[0]).toBe(start);
          for (let i = 1; i < days.length; i += 1) {
            expect(scheduleDaysBetween(days[i - 1] as string, days[i] as string)).toBe(7 * weeks);
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 30_000);
});
