import type { Locale } from "../../domain/api/auth";
import { en } from "./catalogs";

/**
 * A deliberately tiny i18n: flat JSON catalogs, `{name}` interpolation and `.one`/`.other`
 * plural keys. English is the source of truth for the key set; the type below makes a
 * missing Spanish key a compile error, and catalogs.test.ts checks the files themselves.
 */
export type MessageKey = keyof typeof en;
export type MessageParams = Record<string, string | number>;

const catalogs: Partial<Record<Locale, Record<MessageKey, string>>> = { en };

/** Whether a locale's words are here; English always is. */
export function isLocaleLoaded(locale: Locale): boolean {
  return catalogs[locale] !== undefined;
}

/** Fetches a locale's words once (a separate chunk, cached by the service worker after). */
export async function loadLocale(locale: Locale): Promise<void> {
  if (locale === "es" && !catalogs.es) catalogs.es = (await import("./catalogs-es")).es;
}

/** Keys that come in `.one` / `.other` pairs, named without the suffix. */
export type PluralKey = {
  [Key in MessageKey]: Key extends `${infer Base}.other` ? Base : never;
}[MessageKey];

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return interpolate(catalogs[locale]?.[key] || en[key], params);
}

export function translateCount(
  locale: Locale,
  key: PluralKey,
  count: number,
  params?: MessageParams,
): string {
  const category = new Intl.PluralRules(locale).select(count);
  const candidate = `${key}.${category}`;
  // Spanish has a "many" category for large round numbers; catalogs only need one/other.
  const pluralKey: MessageKey = isMessageKey(candidate) ? candidate : `${key}.other`;
  return translate(locale, pluralKey, { count, ...params });
}

export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );
}

/** The first supported language in the browser's list, English when none is. */
export function localeFromLanguages(languages: readonly string[]): Locale {
  for (const language of languages) {
    const base = language.toLowerCase().split("-")[0];
    if (base === "en" || base === "es") return base;
  }
  return "en";
}
