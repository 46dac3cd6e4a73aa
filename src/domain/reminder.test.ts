import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WEEKDAYS } from "./dose-schedule";
import { MEDICATION_NAMES, MEDICATIONS } from "./medication";
import { APPOINTMENT_KINDS } from "./medication-appointments";
import {
  dueReminders,
  REMINDER_KINDS,
  type ReminderRule,
  reminderInputSchema,
  reminderMessage,
} from "./reminder";

const NEW_YORK = "America/New_York";

function rule(overrides: Partial<ReminderRule> = {}): ReminderRule {
  return {
    id: "r1",
    kind: "checkin",
    localTime: "20:00",
    days: [...WEEKDAYS],
    enabled: true,
    lastSentFor: null,
    ...overrides,
  };
}

describe("due reminders", () => {
  it("are due from their local time for a few minutes, and not before", () => {
    const reminder = rule();
    expect(dueReminders([reminder], new Date("2026-07-01T23:59:59Z"), NEW_YORK)).toEqual([]);
    const due = dueReminders([reminder], new Date("2026-07-02T00:00:00Z"), NEW_YORK);
    expect(due.map((d) => d.occurrence.toISOString())).toEqual(["2026-07-02T00:00:00.000Z"]);
    expect(dueReminders([reminder], new Date("2026-07-02T00:20:00Z"), NEW_YORK)).toEqual([]);
  });

  it("are sent once per occurrence", () => {
    const reminder = rule({ lastSentFor: new Date("2026-07-02T00:00:00Z") });
    expect(dueReminders([reminder], new Date("2026-07-02T00:01:00Z"), NEW_YORK)).toEqual([]);
  });

  it("still go out once on the spring-forward night when their time does not exist", () => {
    const reminder = rule({ localTime: "02:30" });
    const fired: string[] = [];
    let lastSentFor: Date | null = null;
    for (
      let t = Date.parse("2026-03-08T05:00:00Z");
      t < Date.parse("2026-03-08T10:00:00Z");
      t += 60_000
    ) {
      for (const due of dueReminders([{ ...reminder, lastSentFor }], new Date(t), NEW_YORK)) {
        fired.push(due.occurrence.toISOString());
        lastSentFor = due.occurrence;
      }
    }
    expect(fired).toEqual(["2026-03-08T07:30:00.000Z"]);
  });

  it("go out once on the fall-back night when their time happens twice", () => {
    const reminder = rule({ localTime: "01:30" });
    const fired: string[] = [];
    let lastSentFor: Date | null = null;
    for (
      let t = Date.parse("2026-11-01T04:00:00Z");
      t < Date.parse("2026-11-01T08:00:00Z");
      t += 60_000
    ) {
      for (const due of dueReminders([{ ...reminder, lastSentFor }], new Date(t), NEW_YORK)) {
        fired.push(due.occurrence.toISOString());
        lastSentFor = due.occurrence;
      }
    }
    expect(fired).toEqual(["2026-11-01T05:30:00.000Z"]);
  });

  it("fire exactly once a day for every zone, minute by minute", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          "America/New_York",
          "Europe/Berlin",
          "Australia/Sydney",
          "Asia/Kolkata",
          "UTC",
        ),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (zone, hour, minute) => {
          const localTime = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
          let lastSentFor: Date | null = null;
          const fired: number[] = [];
          const start = Date.parse("2026-04-04T12:00:00Z");
          for (let t = start; t < start + 48 * 3600_000; t += 10 * 60_000) {
            const due = dueReminders([rule({ localTime, lastSentFor })], new Date(t), zone);
            for (const entry of due) {
              fired.push(entry.occurrence.getTime());
              lastSentFor = entry.occurrence;
            }
          }
          // A 48-hour window holds two or three local days' occurrences (one may sit at the
          // window's start, inside its grace period); each is sent once, a day apart.
          expect(fired.length).toBeGreaterThanOrEqual(1);
          expect(fired.length).toBeLessThanOrEqual(3);
          for (let i = 1; i < fired.length; i += 1) {
            expect((fired[i] as number) - (fired[i - 1] as number)).toBeGreaterThanOrEqual(
              23 * 3600_000,
            );
          }
        },
      ),
      { numRuns: 15 },
    );
  }, 30_000);

  it("skip days not chosen and reminders turned off", () => {
    const wednesday = new Date("2026-07-01T13:00:00Z"); // 09:00 Wednesday in New York
    expect(
      dueReminders([rule({ localTime: "09:00", days: ["mon"] })], wednesday, NEW_YORK),
    ).toEqual([]);
    expect(
      dueReminders([rule({ localTime: "09:00", enabled: false })], wednesday, NEW_YORK),
    ).toEqual([]);
    expect(
      dueReminders([rule({ localTime: "09:00", days: ["wed"] })], wednesday, NEW_YORK),
    ).toHaveLength(1);
  });

  it("remind of appointments only on a day with one still to come", () => {
    const reminder = rule({ kind: "appointment", localTime: "08:00" });
    const at = new Date("2026-07-01T12:00:00Z"); // 08:00 in New York
    expect(dueReminders([reminder], at, NEW_YORK, { appointmentStarts: [] })).toEqual([]);
    expect(
      dueReminders([reminder], at, NEW_YORK, {
        appointmentStarts: [new Date("2026-07-01T11:00:00Z")],
      }),
    ).toEqual([]);
    expect(
      dueReminders([reminder], at, NEW_YORK, {
        appointmentStarts: [new Date("2026-07-01T14:30:00Z")],
      }),
    ).toHaveLength(1);
  });

  it("remind of a dose only on dose days that have nothing logged", () => {
    const reminder = rule({ kind: "dose", localTime: "09:00" });
    const at = new Date("2026-07-01T13:00:00Z");
    expect(dueReminders([reminder], at, NEW_YORK, { isDoseDay: () => false })).toEqual([]);
    expect(
      dueReminders([reminder], at, NEW_YORK, { doseLoggedDays: new Set(["2026-07-01"]) }),
    ).toEqual([]);
    expect(dueReminders([reminder], at, NEW_YORK, { isDoseDay: () => true })).toHaveLength(1);
  });

  it("fill in every day when none are given", () => {
    expect(reminderInputSchema.parse({ kind: "checkin", localTime: "20:00" }).days).toEqual([
      ...WEEKDAYS,
    ]);
    expect(reminderInputSchema.safeParse({ kind: "checkin", localTime: "8pm" }).success).toBe(
      false,
    );
  });
});

describe("reminder text", () => {
  it("is discreet by default", () => {
    expect(reminderMessage("checkin", "en", false, {}, NEW_YORK).body).toBe(
      "Time for your check-in",
    );
    expect(reminderMessage("dose", "en", false, { medication: "methadone" }, NEW_YORK).body).toBe(
      "A reminder you set is due",
    );
  });

  it("never names a medication or an appointment without the member's opt-in", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REMINDER_KINDS),
        fc.constantFrom("en" as const, "es" as const),
        fc.constantFrom(...MEDICATIONS),
        fc.constantFrom(...APPOINTMENT_KINDS),
        (kind, locale, medication, appointmentKind) => {
          const message = reminderMessage(
            kind,
            locale,
            false,
            {
              medication,
              appointment: { kind: appointmentKind, startsAt: new Date(), place: "Riverside" },
            },
            NEW_YORK,
          );
          const text = `${message.title} ${message.body}`.toLowerCase();
          for (const name of [
            ...Object.values(MEDICATION_NAMES.en),
            ...Object.values(MEDICATION_NAMES.es),
          ]) {
            expect(text).not.toContain(name.toLowerCase());
          }
          expect(text).not.toMatch(/riverside|court|tribunal|clinic|clínica|dose|dosis/);
        },
      ),
    );
  });

  it("gives details to a member who opted in", () => {
    expect(reminderMessage("dose", "en", true, { medication: "methadone" }, NEW_YORK).body).toBe(
      "Time for your methadone dose",
    );
    expect(
      reminderMessage(
        "appointment",
        "es",
        true,
        {
          appointment: {
            kind: "clinic_visit",
            startsAt: new Date("2026-07-01T14:30:00Z"),
            place: "Riverside",
          },
        },
        NEW_YORK,
      ).body,
    ).toBe("Visita a la clínica a las 10:30 · Riverside");
  });
});
