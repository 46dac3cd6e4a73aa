import { afterEach, describe, expect, it, vi } from "vitest";
import { timeLabels } from "../../../domain/time-labels";
import { memberFormat } from "./member-format";

describe("memberFormat", () => {
  const timeZone = "America/Chicago";
  const dose = "2026-12-06T14:00:00.000Z";
  const visit = "2026-12-09T16:30:00.000Z";
  const labels = timeLabels("en", timeZone, { time: [dose], dateTime: [visit] });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("uses the labels the server wrote, and builds no formatter for them", () => {
    const made = vi.spyOn(Intl, "DateTimeFormat");
    const format = memberFormat("en", { timeZone }, labels);
    expect(format.time(dose)).toBe("8:00 AM");
    expect(format.dateTime(visit)).toBe("Wed, Dec 9, 10:30 AM");
    expect(made).not.toHaveBeenCalled();
  });

  it("formats an instant the server did not write, the same way", () => {
    const later = "2026-12-10T18:00:00.000Z";
    const format = memberFormat("en", { timeZone }, labels);
    expect(format.dateTime(later)).toBe(
      timeLabels("en", timeZone, { time: [], dateTime: [later] }).dateTime[later],
    );
  });

  it("ignores labels written in another language or zone (a change not yet reloaded)", () => {
    expect(memberFormat("es", { timeZone }, labels).time(dose)).toBe("8:00");
    expect(memberFormat("en", { timeZone: "UTC" }, labels).time(dose)).toBe("2:00 PM");
  });
});
