import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dueMeetingReminder,
  MEETING_REMINDER_LOOKBACK_MINUTES,
  meetingReminderMessage,
  nextMeetingReminder,
} from "./meeting-reminder";

const NY = "America/New_York";
const instant = fc
  .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) })
  .map((ms) => new Date(ms - (ms % 60_000)));

function wall(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? "";
  return {
    weekday: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(part("weekday")),
    minutes: Number(part("hour")) * 60 + Number(part("minute")),
  };
}

describe("dueMeetingReminder", () => {
  it("is due lead minutes before the start, in the meeting's zone", () => {
    const meeting = { days: [3], time: "19:00", timeZone: NY }; // Wednesdays
    // Wednesday 2026-11-25 19:00 EST = 2026-11-26T00:00Z; 60 minutes before is 23:00Z.
    expect(dueMeetingReminder(meeting, 60, new Date("2026-11-25T22:59:00Z"), null)).toBeNull();
    expect(dueMeetingReminder(meeting, 60, new Date("2026-11-25T23:00:00Z"), null)).toEqual({
      startsAt: new Date("2026-11-26T00:00:00Z"),
      remindAt: new Date("2026-11-25T23:00:00Z"),
    });
    // Still due a few minutes late (a restart), not once the lookback has passed.
    expect(dueMeetingReminder(meeting, 60, new Date("2026-11-25T23:14:00Z"), null)).not.toBeNull();
    expect(dueMeetingReminder(meeting, 60, new Date("2026-11-25T23:15:00Z"), null)).toBeNull();
    // Not again for a start already reminded of.
    expect(
      dueMeetingReminder(
        meeting,
        60,
        new Date("2026-11-25T23:01:00Z"),
        new Date("2026-11-26T00:00:00Z"),
      ),
    ).toBeNull();
  });

  it("crosses midnight back into the day before", () => {
    // Monday 00:30 in New York, two hours ahead: Sunday 22:30 local.
    const meeting = { days: [1], time: "00:30", timeZone: NY };
    const due = dueMeetingReminder(meeting, 120, new Date("2026-11-30T03:30:00Z"), null);
    expect(due?.startsAt.toISOString()).toBe("2026-11-30T05:30:00.000Z");
    expect(wall(due?.remindAt as Date, NY)).toEqual({ weekday: 0, minutes: 22 * 60 + 30 });
  });

  it("counts real minutes across daylight-saving changes", () => {
    // Sunday 2026-03-08: clocks go forward at 02:00 in New York. A 05:00 meeting with a
    // four-hour lead is reminded of at 00:00 EST (05:00Z), three wall-clock hours earlier.
    const spring = { days: [0], time: "05:00", timeZone: NY };
    const due = dueMeetingReminder(spring, 240, new Date("2026-03-08T05:00:00Z"), null);
    expect(due?.startsAt.toISOString()).toBe("2026-03-08T09:00:00.000Z");
    // Sunday 2026-11-01: clocks go back at 02:00. A 03:00 meeting with a two-hour lead is
    // reminded of at 01:00 EDT (05:00Z), only one wall-clock hour before.
    const fall = { days: [0], time: "03:00", timeZone: NY };
    const back = dueMeetingReminder(fall, 120, new Date("2026-11-01T06:00:00Z"), null);
    expect(back?.startsAt.toISOString()).toBe("2026-11-01T08:00:00.000Z");
    expect(back?.remindAt.toISOString()).toBe("2026-11-01T06:00:00.000Z");
  });

  it("finds a meeting in another zone at its own time", () => {
    // A Los Angeles meeting, Tuesdays 18:00 PST = 02:00Z Wednesday.
    const meeting = { days: [2], time: "18:00", timeZone: "America/Los_Angeles" };
    const next = nextMeetingReminder(meeting, 30, new Date("2026-11-30T12:00:00Z"));
    expect(next?.startsAt.toISOString()).toBe("2026-12-02T02:00:00.000Z");
    expect(next?.remindAt.toISOString()).toBe("2026-12-02T01:30:00.000Z");
  });

  const zones = [
    NY,
    "Europe/London",
    "Australia/Lord_Howe", // a 30-minute daylight-saving shift
    "Pacific/Chatham",
    "Asia/Kolkata",
    "America/Sao_Paulo",
    "UTC",
  ];
  const schedule = fc.record({
    days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    timeZone: fc.constantFrom(...zones),
  });

  it("reminds lead minutes before a start on one of the meeting's days at its time", () => {
    fc.assert(
      fc.property(
        schedule,
        fc.integer({ min: 5, max: 1440 }),
        instant,
        ({ days, hour, minute, timeZone }, lead, now) => {
          const time = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
          const due = dueMeetingReminder({ days, time, timeZone }, lead, now, null);
          if (!due) return;
          expect(due.startsAt.getTime() - due.remindAt.getTime()).toBe(lead * 60_000);
          expect(due.remindAt.getTime()).toBeLessThanOrEqual(now.getTime());
          expect(now.getTime() - due.remindAt.getTime()).toBeLessThan(
            MEETING_REMINDER_LOOKBACK_MINUTES * 60_000,
          );
          const local = wall(due.startsAt, timeZone);
          // On the meeting's weekday at its wall time (a time skipped by a daylight-saving
          // change moves by the size of the shift, at most an hour).
          expect(days).toContain(local.weekday);
          expect(Math.abs(local.minutes - (hour * 60 + minute))).toBeLessThanOrEqual(60);
        },
      ),
    );
  });

  it("sends each start's reminder exactly once when checked every few minutes", () => {
    fc.assert(
      fc.property(
        schedule,
        fc.constantFrom(15, 30, 60, 120, 600),
        instant,
        fc.constantFrom(5, 7, 14),
        ({ days, hour, minute, timeZone }, lead, start, tickMinutes) => {
          const meeting = {
            days,
            time: `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`,
            timeZone,
          };
          const end = new Date(start.getTime() + 3 * 86_400_000);
          let claimed: Date | null = null;
          const sent: Date[] = [];
          for (let at = start.getTime(); at <= end.getTime(); at += tickMinutes * 60_000) {
            const due = dueMeetingReminder(meeting, lead, new Date(at), claimed);
            if (!due) continue;
            expect(at - due.remindAt.getTime()).toBeLessThan(tickMinutes * 60_000);
            claimed = due.startsAt;
            sent.push(due.startsAt);
          }
          // Every start whose reminder time fell in the span (or so shortly before the first
          // tick that it still looks back to it) was reminded of, once, in order.
          const expected: number[] = [];
          let cursor = new Date(start.getTime() - MEETING_REMINDER_LOOKBACK_MINUTES * 60_000);
          for (;;) {
            const next = nextMeetingReminder(meeting, lead, cursor);
            if (!next || next.remindAt.getTime() > end.getTime()) break;
            expected.push(next.startsAt.getTime());
            cursor = next.remindAt;
          }
          expect(sent.map((at) => at.getTime())).toEqual(expected);
        },
      ),
      // Each run walks three days tick by tick; a few dozen runs cover the zones and leads.
      { numRuns: 15 },
    );
  }, 60_000);
});

describe("meetingReminderMessage", () => {
  it("says nothing about the meeting unless the member opted in", () => {
    const at = new Date("2026-11-26T00:00:00Z");
    expect(meetingReminderMessage("en", false, "Hope NA", at, NY)).toEqual({
      title: "Reminder",
      body: "Something you planned starts at 19:00",
    });
    expect(meetingReminderMessage("es", false, "Hope NA", at, NY).body).toBe(
      "Algo que planeaste empieza a las 19:00",
    );
    expect(meetingReminderMessage("en", true, "Hope NA", at, NY).body).toBe(
      "Hope NA starts at 19:00",
    );
    fc.assert(
      fc.property(fc.constantFrom("en" as const, "es" as const), instant, (locale, when) => {
        const text = JSON.stringify(meetingReminderMessage(locale, false, "Hope NA", when, NY));
        expect(text).not.toMatch(/NA|meeting|reuni|Hope/);
      }),
    );
  });
});
