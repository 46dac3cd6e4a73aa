import { describe, expect, it } from "vitest";
import type { ScheduledDoseState } from "./adherence";
import { missedDoseGuidance } from "./missed-dose";

const dose = (day: string, state: ScheduledDoseState, time = "09:00") => ({
  scheduledFor: `${day}T${time}:00.000Z`,
  day,
  state,
});

describe("what to do after a missed dose", () => {
  it("asks to call the clinic or prescriber before the next dose after one missed dose", () => {
    const doses = [dose("2026-11-24", "taken"), dose("2026-11-25", "missed")];
    expect(missedDoseGuidance("methadone", doses)).toEqual({
      messageKey: "medication.missed.callBeforeNext",
      missedDays: 1,
    });
    expect(missedDoseGuidance("buprenorphine_naloxone", doses)).toMatchObject({ missedDays: 1 });
  });

  it("says it more firmly once doses were missed on 3 or more days in a row", () => {
    const doses = [
      dose("2026-11-22", "taken"),
      dose("2026-11-23", "missed"),
      dose("2026-11-24", "missed", "08:00"),
      dose("2026-11-24", "missed", "20:00"),
      dose("2026-11-25", "missed"),
      dose("2026-11-26", "pending"),
    ];
    expect(missedDoseGuidance("buprenorphine", doses)).toEqual({
      messageKey: "medication.missed.callBeforeNextDays",
      missedDays: 3,
    });
  });

  it("says nothing once a dose was taken again, or for naltrexone", () => {
    const doses = [dose("2026-11-24", "missed"), dose("2026-11-25", "late")];
    expect(missedDoseGuidance("methadone", doses)).toBeNull();
    expect(missedDoseGuidance("naltrexone", [dose("2026-11-25", "missed")])).toBeNull();
    expect(missedDoseGuidance("methadone", [dose("2026-11-25", "pending")])).toBeNull();
  });
});
