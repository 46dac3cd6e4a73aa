import { describe, expect, it } from "vitest";
import { type Checkin, checkinSchema } from "../../../domain/api/daily";
import { checkinFromQueue } from "./checkin-from-queue";

const now = new Date("2026-12-06T08:00:00.000Z");

describe("a queued check-in shown as the day's check-in", () => {
  it("fills what the person did not say with null, as the server's answer would", () => {
    const shown = checkinFromQueue("2026-12-06", { mood: 6, craving: 3, used: false }, null, now);
    expect(shown).toEqual({
      date: "2026-12-06",
      mood: 6,
      craving: 3,
      used: false,
      medicationTaken: null,
      sleepHours: null,
      stress: null,
      halt: null,
      meeting: null,
      note: null,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    // The same shape the server answers with.
    expect(checkinSchema.parse(shown)).toEqual(shown);
  });

  it("keeps every answer given and the server's first save time", () => {
    const onServer = { createdAt: "2026-12-06T07:00:00.000Z" } as Checkin;
    const said = {
      mood: 4,
      craving: 7,
      used: true,
      medicationTaken: true,
      sleepHours: 5.5,
      stress: 8,
      halt: { hungry: true, angry: false, lonely: true, tired: false },
      meeting: false,
      note: "Long day",
    };
    expect(checkinFromQueue("2026-12-05", said, onServer, now)).toEqual({
      ...said,
      date: "2026-12-05",
      createdAt: "2026-12-06T07:00:00.000Z",
      updatedAt: now.toISOString(),
    });
  });
});
