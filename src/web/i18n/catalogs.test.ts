import { beforeAll, describe, expect, it } from "vitest";
import { crisisResourcesFor } from "../../domain/crisis-resources";
import { en } from "./catalogs";
import { es } from "./catalogs-es";
import {
  interpolate,
  loadLocale,
  localeFromLanguages,
  translate,
  translateCount,
} from "./translate";

// Spanish words load on demand in the app; these tests read them.
beforeAll(() => loadLocale("es"));

const catalogs = { en, es } as Record<string, Record<string, string>>;

describe("locale catalogs", () => {
  it("have exactly the same keys", () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.entries(catalogs))("%s has no empty messages", (_locale, catalog) => {
    const empty = Object.entries(catalog).filter(([, message]) => message.trim() === "");
    expect(empty).toEqual([]);
  });

  it.each(Object.entries(catalogs))("%s uses the same placeholders as English", (_, catalog) => {
    const placeholders = (message: string) => (message.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, message] of Object.entries(en)) {
      expect(placeholders(catalog[key] ?? ""), key).toEqual(placeholders(message));
    }
  });

  it.each(Object.entries(catalogs))("%s avoids stigmatizing words", (_, catalog) => {
    // NIDA "Words Matter": these words push people away from care (DESIGN.md §6).
    const stigmatizing =
      /\b(addicts?|junkies?|junkie|clean|dirty|abusers?|adict[oa]s?|drogadict[oa]s?|yonquis?|limpi[oa]s?|suci[oa]s?|abusador(es|as?)?)\b/i;
    const hits = Object.entries(catalog).filter(([, message]) => stigmatizing.test(message));
    expect(hits).toEqual([]);
  });
});

describe("crisis resources", () => {
  it("have a name and description in every catalog", () => {
    for (const resource of crisisResourcesFor("en")) {
      for (const catalog of Object.values(catalogs)) {
        expect(catalog[`${resource.messageKey}.name`], resource.id).toBeTruthy();
        expect(catalog[`${resource.messageKey}.description`], resource.id).toBeTruthy();
      }
    }
  });
});

describe("translate", () => {
  it("fills in named placeholders and leaves unknown ones visible", () => {
    expect(interpolate("Hello, {name}", { name: "Sam" })).toBe("Hello, Sam");
    expect(interpolate("Hello, {name}", {})).toBe("Hello, {name}");
  });

  it("picks plural forms per locale", () => {
    expect(translateCount("en", "errors.rateLimitedSeconds", 1)).toContain("1 second ");
    expect(translateCount("es", "errors.rateLimitedMinutes", 5)).toContain("5 minutos");
    expect(translateCount("es", "errors.rateLimitedMinutes", 1_000_000)).toContain("minutos");
  });

  it("translates crisis keys", () => {
    expect(translate("es", "crisis.emergency.name")).toBe("Servicios de emergencia");
  });

  it("chooses the first supported browser language", () => {
    expect(localeFromLanguages(["fr-FR", "es-MX", "en"])).toBe("es");
    expect(localeFromLanguages(["de"])).toBe("en");
  });
});
