import { type DataCategory, dataCategorySchema } from "../../../domain/consent";
import type { I18n } from "../../i18n/context";
import { isMessageKey, type MessageParams } from "../../i18n/translate";

/** Every category a member can name, in the order the form lists them. */
export const CATEGORIES: readonly DataCategory[] = dataCategorySchema.options;

export function categoryLabel(category: DataCategory, { t }: I18n): string {
  return t(`care.category.${category}`);
}

/** "your check-ins": a category (or a view name) as the object of a sentence. */
export function whatWords(what: string, i18n: I18n): string {
  const key = `care.what.${what}`;
  if (isMessageKey(key)) return i18n.t(key);
  // A view names what it showed: "summary: checkins, plan".
  const shown = /^\w+: (.+)$/.exec(what)?.[1];
  const parts = (shown ?? "")
    .split(",")
    .map((part) => `care.what.${part.trim()}`)
    .filter(isMessageKey)
    .map((part) => i18n.t(part));
  if (parts.length === 0) return i18n.t("care.what.other");
  return new Intl.ListFormat(i18n.locale, { type: "conjunction" }).format(parts);
}

/** A flag or access-log sentence from its message key and params; null params read as "—". */
export function keyedSentence(
  key: string,
  params: Record<string, string | number | null>,
  { t }: I18n,
): string | null {
  if (!isMessageKey(key)) return null;
  const filled: MessageParams = {};
  for (const [name, value] of Object.entries(params)) filled[name] = value ?? "—";
  return t(key, filled);
}
