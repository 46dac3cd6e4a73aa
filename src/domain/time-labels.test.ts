import { describe, expect, it } from "vitest";
import { DATE_TIME_OPTIONS, TIME_OPTIONS, timeLabels } from "./time-labels";

describe("timeLabels", () => {
  const visit = "2026-12-08T15:30:00.000Z";
  const dose = "2026-12-06T14:00:00.000Z";

  it("writes each instant in the person's language and own zone", () => {
    const labels = timeLabels("en", "America/New_York", { time: [dose], dateTime: [visit] });
    expect(labels).toEqual({
      locale: "en",
      timeZone: "America/New_York",
      time: { [dose]: "9:00 AM" },
      dateTime: { [visit]: "Tue, Dec 8, 10:30 AM" },
    });
  });

  it("writes what the phone's own formatter would, in Spanish and another zone", () => {
    const labels = timeLabels("es", "Europe/Madrid", { time: [dose], dateTime: [visit] });
    const zone = { timeZone: "Europe/Madrid" };
    expect(labels.time[dose]).toBe(
      new Intl.DateTimeFormat("es", { ...TIME_OPTIONS, ...zone }).format(new Date(dose)),
    );
    expect(labels.dateTime[visit]).toBe(
      new Intl.DateTimeFormat("es", { ...DATE_TIME_OPTIONS, ...zone }).format(new Date(visit)),
    );
    expect(labels.time[dose]).toBe("15:00");
  });

  it("has no labels when there is nothing to write", () => {
    expect(timeLabels("en", "UTC", { time: [], dateTime: [] })).toMatchObject({
      time: {},
      dateTime: {},
    });
  });
});
