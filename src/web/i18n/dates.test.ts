import { afterEach, describe, expect, it } from "vitest";
import {
  dateTimeFormatter,
  formatDay,
  formatDayWithYear,
  formatInstantDay,
  timeAgo,
} from "./dates";

const now = Date.parse("2026-12-06T12:00:00Z");

describe("timeAgo", () => {
  it("says how long ago in the largest whole unit, in the reader's language", () => {
    expect(timeAgo("2026-12-06T11:59:30Z", "en", now)).toBe("now");
    expect(timeAgo("2026-12-06T11:40:00Z", "en", now)).toBe("20 minutes ago");
    expect(timeAgo("2026-12-05T12:00:00Z", "en", now)).toBe("yesterday");
    expect(timeAgo("2026-11-15T12:00:00Z", "en", now)).toBe("3 weeks ago");
    expect(timeAgo("2026-11-15T12:00:00Z", "es", now)).toBe("hace 3 semanas");
    expect(timeAgo("2024-12-06T12:00:00Z", "en", now)).toBe("2 years ago");
  });
});

describe("days", () => {
  it("shows a local day without shifting it by the reader's time zone", () => {
    expect(formatDay("2026-03-03", "en")).toBe("Mar 3");
    expect(formatDayWithYear("2026-03-03", "en")).toBe("Mar 3, 2026");
    expect(formatDayWithYear("2026-03-03", "es")).toBe("3 mar 2026");
  });

  it("gives back what it cannot read rather than an invalid date", () => {
    expect(formatDay("someday", "en")).toBe("someday");
    expect(formatDayWithYear("someday", "en")).toBe("someday");
  });

  it("shows the day an instant fell on", () => {
    expect(formatInstantDay("2026-03-03T12:00:00Z", "en")).toBe("Mar 3, 2026");
  });
});

describe("a date and time in the reader's language", () => {
  const RealDateTimeFormat = Intl.DateTimeFormat;
  afterEach(() => {
    Intl.DateTimeFormat = RealDateTimeFormat;
  });

  it("builds no Intl formatter until a date is shown, then only one", () => {
    let built = 0;
    Intl.DateTimeFormat = class extends RealDateTimeFormat {
      constructor(...args: ConstructorParameters<typeof RealDateTimeFormat>) {
        super(...args);
        built += 1;
      }
    } as typeof Intl.DateTimeFormat;
    const format = dateTimeFormatter("en");
    expect(built).toBe(0);
    const shown = format("2026-12-06T14:30:00Z");
    format("2026-12-07T09:05:00Z");
    expect(built).toBe(1);
    expect(shown).toBe(
      new RealDateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" }).format(
        new Date("2026-12-06T14:30:00Z"),
      ),
    );
  });

  it("follows the reader's language", () => {
    const at = "2026-12-06T14:30:00Z";
    expect(dateTimeFormatter("es")(at)).toBe(
      new Date(at).toLocaleString("es", { dateStyle: "medium", timeStyle: "short" }),
    );
  });
});
