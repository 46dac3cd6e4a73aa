import { beforeAll, describe, expect, it } from "vitest";
import { everyWord, everyWordSet, loadEveryWord } from "../../../test/support/words";
import { crisisResourcesFor } from "../../domain/crisis-resources";
import { wordSets } from "./catalogs";
import { interpolate, localeFromLanguages, translate, translateCount } from "./translate";

// The app loads words set by set, as screens open; these tests read all of them.
let en: Record<string, string>;
let es: Record<string, string>;
let catalogs: Record<string, Record<string, string>>;
beforeAll(async () => {
  [en, es] = await Promise.all([everyWord("en"), everyWord("es"), loadEveryWord()]);
  catalogs = { en, es };
});

describe("locale catalogs", () => {
  it("have exactly the same keys", () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it("have the same keys in each set, and each key in one set only", async () => {
    const owner = new Map<string, string>();
    for (const name of everyWordSet) {
      const [english, spanish] = await Promise.all([wordSets[name].en(), wordSets[name].es()]);
      expect(Object.keys(spanish.default).sort(), name).toEqual(
        Object.keys(english.default).sort(),
      );
      for (const key of Object.keys(english.default)) {
        expect(owner.get(key), `${key} is in ${owner.get(key)} and ${name}`).toBeUndefined();
        owner.set(key, name);
      }
    }
  });

  it.each(["en", "es"])("%s has no empty messages", (locale) => {
    const catalog = catalogs[locale] ?? {};
    const empty = Object.entries(catalog).filter(([, message]) => message.trim() === "");
    expect(empty).toEqual([]);
  });

  it.each(["en", "es"])("%s uses the same placeholders as English", (locale) => {
    const catalog = catalogs[locale] ?? {};
    const placeholders = (message: string) => (message.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, message] of Object.entries(en)) {
      expect(placeholders(catalog[key] ?? ""), key).toEqual(placeholders(message));
    }
  });

  it.each(["en", "es"])("%s avoids stigmatizing words", (locale) => {
    const catalog = catalogs[locale] ?? {};
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
