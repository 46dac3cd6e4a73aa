import type { Locale } from "../../src/domain/api/auth";
import { type WordSetName, wordSets } from "../../src/web/i18n/catalogs";
import { loadWords } from "../../src/web/i18n/load-words";

/** Every set's name: tests read all the words, where the app loads them screen by screen. */
export const everyWordSet = Object.keys(wordSets) as WordSetName[];

/** Loads every set in both languages into the app's loader, so `translate` finds any key. */
export function loadEveryWord(): Promise<void> {
  return Promise.all([loadWords("en", everyWordSet), loadWords("es", everyWordSet)]).then(
    () => undefined,
  );
}

/** One language's words, every set merged, read straight from the files. */
export async function everyWord(locale: Locale): Promise<Record<string, string>> {
  const sets = await Promise.all(everyWordSet.map((name) => wordSets[name][locale]()));
  return Object.assign({}, ...sets.map((set) => set.default));
}
