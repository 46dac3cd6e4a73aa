import { beforeAll, describe, expect, it } from "vitest";
import { loadEveryWord } from "../../../../test/support/words";
import type { I18n } from "../../i18n/context";
import { askedAgo, formatDay, timeAgo } from "../../i18n/dates";
import { translate, translateCount } from "../../i18n/translate";
import { keyedSentence, whatWords } from "./words";

// Spanish words load on demand in the app; these tests read them.
beforeAll(loadEveryWord);

const i18nFor = (locale: "en" | "es"): I18n => ({
  locale,
  t: (key, params) => translate(locale, key, params),
  tCount: (key, count, params) => translateCount(locale, key, count, params),
  formatDateTime: (iso) => iso,
});

describe("care words", () => {
  it("explains each flag from its message key and params", () => {
    const en = i18nFor("en");
    expect(keyedSentence("care.flag.cravingHigh", { days: 3, of: 4, threshold: 7 }, en)).toBe(
      "Craving 7 or more on 3 of the last 4 days",
    );
    expect(keyedSentence("care.flag.missedDoses", { count: 2 }, en)).toBe(
      "2 missed doses this week",
    );
    expect(keyedSentence("care.flag.noCheckin", { days: 5 }, en)).toBe("No check-in for 5 days");
    expect(keyedSentence("care.flag.noCheckinEver", { days: null }, en)).toBe("No check-in yet");
    expect(keyedSentence("care.flag.bamRiskUp", { from: 2, to: 5 }, i18nFor("es"))).toBe(
      "Puntuación de riesgo BAM subió de 2 a 5",
    );
    expect(keyedSentence("care.flag.unknown", {}, en)).toBeNull();
  });

  it("names what was looked at, from a category or a view's list", () => {
    const en = i18nFor("en");
    expect(whatWords("checkins", en)).toBe("your check-ins");
    expect(whatWords("summary: checkins, plan", en)).toBe("your check-ins and your plan");
    expect(whatWords("caseload", en)).toBe("your summary");
  });

  it("formats local days and relative times", () => {
    expect(formatDay("2026-11-24", "en")).toBe("Nov 24");
    const now = Date.parse("2026-11-26T12:00:00Z");
    expect(timeAgo("2026-11-26T10:00:00Z", "en", now)).toBe("2 hours ago");
  });

  it("says when someone asked for support in minutes at the finest, never in the future", () => {
    const now = Date.parse("2026-11-26T12:00:00Z");
    expect(askedAgo("2026-11-26T11:59:50Z", "en", now)).toBe("this minute");
    expect(askedAgo("2026-11-26T12:00:04Z", "en", now)).toBe("this minute");
    expect(askedAgo("2026-11-26T11:40:00Z", "en", now)).toBe("20 minutes ago");
    expect(askedAgo("2026-11-26T11:40:00Z", "es", now)).toBe("hace 20 minutos");
    expect(askedAgo("2026-11-25T23:00:00Z", "en", now)).toBe("13 hours ago");
  });
});
