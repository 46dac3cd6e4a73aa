import type { Locale } from "../../domain/api/auth";
import type { MessageKey } from "./catalogs";
import { messageFor } from "./load-words";

/**
 * A deliberately tiny i18n: flat JSON catalogs (catalogs.ts), `{name}` interpolation and
 * `.one`/`.other` plural keys. Words load in sets (load-words.ts); a screen waits for its sets
 * before it draws, so `t()` finds its words.
 */
export type { MessageKey };
export type MessageParams = Record<string, string | number>;

/** Keys that come in `.one` / `.other` pairs, named without the suffix. */
export type PluralKey = {
  [Key in MessageKey]: Key extends `${infer Base}.other` ? Base : never;
}[MessageKey];

/** Whether the words loaded so far have this key (for keys built at run time). */
export function isMessageKey(key: string): key is MessageKey {
  return messageFor("en", key) !== undefined || messageFor("es", key) !== undefined;
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const message = messageFor(locale, key);
  if (message === undefined) {
    // A screen drew before its words loaded: a bug word-usage.test.ts is there to prevent. Said
    // out loud (the journeys fail on console errors); the key names no one's data.
    console.error(`Waymark: no words loaded for "${key}"`);
    return key;
  }
  return interpolate(message, params);
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
