import type { Locale } from "../../domain/api/auth";
import { type MessageKey, shellEn, type WordSetName, wordSets } from "./catalogs";

/**
 * The words loaded so far, per language, and the one way to load more: `loadWords(locale,
 * sets)`, for the shell's Spanish words as for any feature's words in either language. Each
 * set is fetched once (a small chunk the service worker precaches, so it loads offline too).
 */
const words: Record<Locale, Partial<Record<MessageKey, string>>> = { en: { ...shellEn }, es: {} };
const loaded: Record<Locale, Set<WordSetName>> = { en: new Set(["shell"]), es: new Set() };
const pending = new Map<string, Promise<void>>();
/** Sets some screen has asked for: a change of language loads them all in the new one. */
const requested = new Set<WordSetName>(["shell"]);
/** The language on screen now; `lazyWithWords` loads a screen's words in it. */
let shownLocale: Locale = "en";

export function wordsLoaded(locale: Locale, sets: readonly WordSetName[]): boolean {
  return sets.every((name) => loaded[locale].has(name));
}

/**
 * Loads each set in `locale`, in parallel. A set that cannot be fetched in Spanish (offline
 * before it was ever cached) falls back to its English words, so a screen shows English rather
 * than keys; it rejects only when the English words cannot be fetched either.
 */
export async function loadWords(locale: Locale, sets: readonly WordSetName[]): Promise<void> {
  for (const name of sets) requested.add(name);
  await Promise.all(
    sets.map((name) =>
      locale === "en"
        ? loadOne("en", name)
        : loadOne(locale, name).catch(() => loadOne("en", name)),
    ),
  );
}

function loadOne(locale: Locale, name: WordSetName): Promise<void> {
  if (loaded[locale].has(name)) return Promise.resolve();
  const id = `${locale}:${name}`;
  let loading = pending.get(id);
  if (!loading) {
    loading = wordSets[name][locale]().then(
      (module) => {
        Object.assign(words[locale], module.default);
        loaded[locale].add(name);
        pending.delete(id);
      },
      (error: unknown) => {
        pending.delete(id); // a later screen may try again, once the network is back
        throw error;
      },
    );
    pending.set(id, loading);
  }
  return loading;
}

/** Every set asked for so far, to load again when the person changes language. */
export function requestedWordSets(): WordSetName[] {
  return [...requested];
}

export function setShownLocale(locale: Locale): void {
  shownLocale = locale;
}

/** Loads sets in the language on screen (what a lazy screen waits for). */
export function loadShownWords(sets: readonly WordSetName[]): Promise<void> {
  return loadWords(shownLocale, sets);
}

/** The message in `locale`, else its English words, else undefined (its set is not loaded). */
export function messageFor(locale: Locale, key: string): string | undefined {
  const inLocale = words[locale] as Record<string, string | undefined>;
  const inEnglish = words.en as Record<string, string | undefined>;
  return (
    (Object.hasOwn(inLocale, key) ? inLocale[key] : undefined) ??
    (Object.hasOwn(inEnglish, key) ? inEnglish[key] : undefined)
  );
}
