import type { Locale } from "../api/auth";
import en from "./en.json";
import es from "./es.json";

/**
 * The words of the starter plan in every language Waymark speaks. The plan stores the text
 * resolved in the member's language (so they can edit it) next to the key it came from.
 */
export const PLAN_CATALOGS: Record<Locale, Readonly<Record<string, string>>> = { en, es };

/** The text for a key in a language, falling back to English, then to the key itself. */
export function planText(locale: string, key: string): string {
  const catalog = PLAN_CATALOGS[locale as Locale] ?? PLAN_CATALOGS.en;
  return catalog[key] ?? PLAN_CATALOGS.en[key] ?? key;
}
