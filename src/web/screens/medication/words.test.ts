import { beforeAll, describe, expect, it } from "vitest";
import { loadEveryWord } from "../../../../test/support/words";
import type { Locale } from "../../../domain/api/auth";
import { translate, translateCount } from "../../i18n/translate";
import { memberFormat } from "./member-format";
import { clockTime, doseText, scheduleText } from "./words";

// Spanish words load on demand in the app; these tests read them.
beforeAll(loadEveryWord);

const i18nFor = (locale: Locale) => ({
  locale,
  t: (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(locale, key, params),
  tCount: (
    key: Parameters<typeof translateCount>[1],
    count: number,
    params?: Record<string, string | number>,
  ) => translateCount(locale, key, count, params),
});

describe("medication words", () => {
  it("shows the dose exactly as prescribed, amount and unit unchanged", () => {
    const regimen = { medication: "methadone", doseAmount: 82.5, doseUnit: "mg" } as const;
    expect(doseText(i18nFor("en"), regimen)).toBe("Methadone 82.5 mg");
    expect(doseText(i18nFor("es"), regimen)).toBe("Metadona 82,5 mg");
    expect(doseText(i18nFor("en"), { ...regimen, doseAmount: 0.125, doseUnit: "mL" })).toBe(
      "Methadone 0.125 mL",
    );
  });

  it("writes schedules in the person's language", () => {
    const format = memberFormat("en", { timeZone: "America/Chicago" });
    expect(
      scheduleText(i18nFor("en"), { kind: "daily", times: ["20:00", "08:00"] }, format.day),
    ).toBe("Every day at 8:00 AM, 8:00 PM");
    expect(
      scheduleText(
        i18nFor("en"),
        { kind: "weekdays", days: ["fri", "mon"], times: ["07:30"] },
        format.day,
      ),
    ).toBe("Mon, Fri at 7:30 AM");
    expect(
      scheduleText(
        i18nFor("en"),
        { kind: "every_n_weeks", intervalWeeks: 4, startDate: "2026-03-02", times: ["10:00"] },
        format.day,
      ),
    ).toBe("Every 4 weeks from Mon, March 2, at 10:00 AM");
    expect(clockTime("es", "07:05")).toBe("7:05");
  });
});
