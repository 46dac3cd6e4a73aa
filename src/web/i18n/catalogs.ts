import shellEn from "./en.json";

/**
 * Every string the person reads, in sets of words that load apart. The shell's set (en.json /
 * es.json) holds what the entry's code shows — header, nav, sign-in, Today and its cards, help
 * and crisis lines, the lock screen, settings rows — so it must work at once and offline;
 * English shell words ship inside the entry. Each feature keeps its screens' words in
 * <feature>.<locale>.json, fetched with the feature's screens (`lazyWithWords`), in the person's
 * language only. English is the source of truth for the key set: the `es` loader's type makes a
 * missing Spanish key a compile error, and catalogs.test.ts checks the files themselves.
 */
type Words = Record<string, string>;
type WordsLoader<W extends Words> = () => Promise<{ default: W }>;

/** One set of words in both languages; the Spanish file must have every English key. */
function wordSet<W extends Words>(
  en: WordsLoader<W>,
  es: WordsLoader<NoInfer<Record<keyof W, string>>>,
) {
  return { en, es };
}

export const wordSets = {
  shell: wordSet(
    () => Promise.resolve({ default: shellEn }),
    () => import("./es.json"),
  ),
  plan: wordSet(
    () => import("./plan.en.json"),
    () => import("./plan.es.json"),
  ),
  daily: wordSet(
    () => import("./daily.en.json"),
    () => import("./daily.es.json"),
  ),
  medication: wordSet(
    () => import("./medication.en.json"),
    () => import("./medication.es.json"),
  ),
  assessments: wordSet(
    () => import("./assessments.en.json"),
    () => import("./assessments.es.json"),
  ),
  care: wordSet(
    () => import("./care.en.json"),
    () => import("./care.es.json"),
  ),
  support: wordSet(
    () => import("./support.en.json"),
    () => import("./support.es.json"),
  ),
  account: wordSet(
    () => import("./account.en.json"),
    () => import("./account.es.json"),
  ),
  rewards: wordSet(
    () => import("./rewards.en.json"),
    () => import("./rewards.es.json"),
  ),
  offline: wordSet(
    () => import("./offline.en.json"),
    () => import("./offline.es.json"),
  ),
  protection: wordSet(
    () => import("./protection.en.json"),
    () => import("./protection.es.json"),
  ),
  peerGroup: wordSet(
    () => import("./peer-group.en.json"),
    () => import("./peer-group.es.json"),
  ),
  messages: wordSet(
    () => import("./messages.en.json"),
    () => import("./messages.es.json"),
  ),
  lessons: wordSet(
    () => import("./lessons.en.json"),
    () => import("./lessons.es.json"),
  ),
  secondFactor: wordSet(
    () => import("./second-factor.en.json"),
    () => import("./second-factor.es.json"),
  ),
  organization: wordSet(
    () => import("./organization.en.json"),
    () => import("./organization.es.json"),
  ),
  // (feature catalogs go above this line)
};

export type WordSetName = keyof typeof wordSets;

type KeysOf<Loader> = Loader extends WordsLoader<infer W> ? keyof W & string : never;

/** Every key of every set: `t()` takes any of them; the set must be loaded to show it. */
export type MessageKey = {
  [Name in WordSetName]: KeysOf<(typeof wordSets)[Name]["en"]>;
}[WordSetName];

/** English shell words, in the entry: the one set that never waits. */
export { shellEn };
