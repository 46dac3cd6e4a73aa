import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  adherence,
  countDownTakeHomes,
  DEFAULT_GRACE_MINUTES,
  detectMissedDoses,
  doseOutcomes,
  type LoggedDose,
  takeHomeOutlook,
} from "./adherence";
import { type DoseSchedule, scheduledDoseInstants, upcomingDoses } from "./dose-schedule";

const NEW_YORK = "America/New_York";
const DAILY_NINE: DoseSchedule = { kind: "daily", times: ["09:00"] };
const minutes = (n: number) => n * 60_000;

function takenAt(scheduled: Date, offsetMinutes: number, id = scheduled.toISOString()): LoggedDose {
  const takenAtInstant = new Date(scheduled.getTime() + minutes(offsetMinutes));
  return {
    id,
    status: "taken",
    takenAt: takenAtInstant,
    scheduledFor: scheduled,
    recordedAt: takenAtInstant,
  };
}

describe("adherence", () => {
  it("counts doses taken this month as 27/30 when three passed with nothing logged", () => {
    const scheduled = scheduledDoseInstants(DAILY_NINE, "2026-04-01", "2026-04-30", NEW_YORK);
    const logs = scheduled.filter((_, i) => ![4, 11, 20].includes(i)).map((d) => takenAt(d, 10));
    const now = new Date("2026-05-01T12:00:00Z");
    expect(adherence(scheduled, logs, now, NEW_YORK)).toEqual({
      due: 30,
      taken: 27,
      late: 0,
      missed: 3,
      pending: 0,
    });
    expect(detectMissedDoses(scheduled, logs, now, NEW_YORK).map((d) => d.toISOString())).toEqual([
      "2026-04-05T13:00:00.000Z",
      "2026-04-12T13:00:00.000Z",
      "2026-04-21T13:00:00.000Z",
    ]);
  });

  it("waits out the grace period before calling a dose missed", () => {
    const [dose] = scheduledDoseInstants(DAILY_NINE, "2026-03-08", "2026-03-08", NEW_YORK);
    const scheduled = [dose as Date];
    const justBefore = new Date((dose as Date).getTime() + minutes(DEFAULT_GRACE_MINUTES) - 1);
    const atGrace = new Date((dose as Date).getTime() + minutes(DEFAULT_GRACE_MINUTES));
    expect(adherence(scheduled, [], justBefore, NEW_YORK)).toMatchObject({ due: 0, pending: 1 });
    expect(adherence(scheduled, [], atGrace, NEW_YORK)).toMatchObject({ due: 1, missed: 1 });
  });

  it("sees no missed dose across the New York DST weeks when each was taken on time", () => {
    for (const [from, to] of [
      ["2026-03-05", "2026-03-11"],
      ["2026-10-29", "2026-11-04"],
    ] as const) {
      const scheduled = scheduledDoseInstants(DAILY_NINE, from, to, NEW_YORK);
      const logs = scheduled.map((d) => takenAt(d, 5));
      const now = new Date(`${to}T23:59:00Z`);
      expect(detectMissedDoses(scheduled, logs, now, NEW_YORK)).toEqual([]);
      expect(adherence(scheduled, logs, now, NEW_YORK)).toMatchObject({ due: 7, taken: 7 });
    }
  });

  it("matches a log without a scheduled time to the dose of its local day, not its UTC day", () => {
    const zone = "America/Los_Angeles";
    const scheduled = scheduledDoseInstants(
      { kind: "daily", times: ["21:00"] },
      "2026-05-01",
      "2026-05-02",
      zone,
    );
    // 21:30 on 1 May in Los Angeles is already 2 May in UTC.
    const log: LoggedDose = {
      id: "a",
      status: "taken",
      takenAt: new Date("2026-05-02T04:30:00Z"),
      scheduledFor: null,
      recordedAt: new Date("2026-05-02T04:30:00Z"),
    };
    const outcomes = doseOutcomes(scheduled, [log], new Date("2026-05-04T00:00:00Z"), zone);
    expect(outcomes.map((o) => [o.day, o.state])).toEqual([
      ["2026-05-01", "taken"],
      ["2026-05-02", "missed"],
    ]);
  });

  it("counts a late dose as taken and late, a dose the member marked missed as missed, and lets the newest log win", () => {
    const scheduled = scheduledDoseInstants(DAILY_NINE, "2026-06-01", "2026-06-03", NEW_YORK);
    const [first, second, third] = scheduled as [Date, Date, Date];
    const logs: LoggedDose[] = [
      { ...takenAt(first, 240, "1"), status: "late" },
      { id: "2", status: "missed", takenAt: null, scheduledFor: second, recordedAt: second },
      { id: "3", status: "missed", takenAt: null, scheduledFor: third, recordedAt: third },
      { ...takenAt(third, 300, "4"), status: "late" },
    ];
    const outcomes = doseOutcomes(scheduled, logs, new Date("2026-06-10T00:00:00Z"), NEW_YORK);
    expect(outcomes.map((o) => [o.state, o.detected, o.doseId])).toEqual([
      ["late", false, "1"],
      ["missed", false, "2"],
      ["late", false, "4"],
    ]);
    expect(adherence(scheduled, logs, new Date("2026-06-10T00:00:00Z"), NEW_YORK)).toEqual({
      due: 3,
      taken: 2,
      late: 2,
      missed: 1,
      pending: 0,
    });
  });

  it("adds up for any logs and any moment", () => {
    const scheduled = scheduledDoseInstants(DAILY_NINE, "2026-03-01", "2026-03-31", NEW_YORK);
    const logArb = fc.array(
      fc.record({
        index: fc.integer({ min: 0, max: scheduled.length - 1 }),
        status: fc.constantFrom("taken" as const, "late" as const, "missed" as const),
        offset: fc.integer({ min: -60, max: 600 }),
        tied: fc.boolean(),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(
        logArb,
        fc.date({
          min: new Date("2026-02-25T00:00:00Z"),
          max: new Date("2026-04-05T00:00:00Z"),
          noInvalidDate: true,
        }),
        (raw, now) => {
          const logs: LoggedDose[] = raw.map((entry, i) => {
            const scheduledFor = scheduled[entry.index] as Date;
            const at = new Date(scheduledFor.getTime() + minutes(entry.offset));
            return {
              id: String(i),
              status: entry.status,
              takenAt: entry.status === "missed" ? null : at,
              scheduledFor: entry.tied ? scheduledFor : null,
              recordedAt: at,
            };
          });
          const summary = adherence(scheduled, logs, now, NEW_YORK);
          expect(summary.taken + summary.missed).toBe(summary.due);
          expect(summary.due + summary.pending).toBe(scheduled.length);
          expect(summary.late).toBeLessThanOrEqual(summary.taken);
          const later = adherence(scheduled, logs, new Date(now.getTime() + minutes(90)), NEW_YORK);
          expect(later.due).toBeGreaterThanOrEqual(summary.due);
          expect(later.taken).toBe(summary.taken);
        },
      ),
    );
  });

  it("calls every dose missed when nothing was logged and the time has passed", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata"),
        (zone) => {
          const scheduled = scheduledDoseInstants(DAILY_NINE, "2026-03-01", "2026-04-30", zone);
          expect(
            detectMissedDoses(scheduled, [], new Date("2026-06-01T00:00:00Z"), zone),
          ).toHaveLength(scheduled.length);
        },
      ),
    );
  });
});

describe("take-home doses", () => {
  const after = new Date("2026-03-06T15:00:00Z"); // Friday afternoon in New York
  const upcoming = upcomingDoses(DAILY_NINE, after, NEW_YORK, 30);

  it("reach as far as the doses on hand, across the spring-forward weekend", () => {
    const outlook = takeHomeOutlook(2, upcoming, "2026-03-09", NEW_YORK);
    expect(outlook.lastCovered?.toISOString()).toBe("2026-03-08T13:00:00.000Z");
    expect(outlook.firstUncovered?.toISOString()).toBe("2026-03-09T13:00:00.000Z");
    expect(outlook.low).toBe(false);
  });

  it("warn when the doses on hand run out before the next clinic day", () => {
    expect(takeHomeOutlook(1, upcoming, "2026-03-09", NEW_YORK).low).toBe(true);
    expect(takeHomeOutlook(0, upcoming, "2026-03-09", NEW_YORK).low).toBe(true);
    expect(takeHomeOutlook(0, upcoming, "2026-03-07", NEW_YORK).low).toBe(false);
  });

  it("warn at one dose left when no clinic visit is known", () => {
    expect(takeHomeOutlook(2, upcoming, null, NEW_YORK).low).toBe(false);
    expect(takeHomeOutlook(1, upcoming, null, NEW_YORK).low).toBe(true);
  });

  it("count down one at a time and never below zero", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 80 }),
        (onHand, taken) => {
          let remaining = onHand;
          for (let i = 0; i < taken; i += 1) remaining = countDownTakeHomes(remaining, 1);
          expect(remaining).toBe(Math.max(0, onHand - taken));
          const outlook = takeHomeOutlook(remaining, upcoming, null, NEW_YORK);
          const covered = outlook.lastCovered
            ? upcoming.filter((d) => d.getTime() <= (outlook.lastCovered as Date).getTime()).length
            : 0;
          expect(covered).toBe(Math.min(remaining, upcoming.length));
        },
      ),
    );
  });
});
