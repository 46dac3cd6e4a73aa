/**
 * What Today's cards load after the app starts, as the build groups it (vite.config.ts): the
 * card bodies' code in one file ("today-cards"), and their words in one file per language
 * ("today.en", "today.es", named like a word set's own). Split as the
 * bundler would split them, Today asked for about sixteen files once its answer came, and a
 * phone on a slow network fetches six at a time, a round trip each wave (issue 16).
 *
 * Each card still loads its own body and its own words (`lazyWithWords(…, { preloadWith:
 * "today" })`): a group only puts them in the same file. chunks.test.ts checks that these
 * lists name exactly those cards.
 */
export const TODAY_CARD_BODIES = [
  "daily/TodayCardBody",
  "plan/PlanTodayCard",
  "assessments/AssessmentsCardBody",
  "medication/MedicationCardBody",
] as const;

export const TODAY_CARD_WORD_SETS = ["daily", "plan", "assessments", "medication"] as const;

const separator = String.raw`[\\/]`;

/** A card body's module id (any path separator). */
export const todayCardBodyPattern = new RegExp(
  `screens${separator}(${TODAY_CARD_BODIES.map((body) => body.replace("/", separator)).join("|")})\\.tsx$`,
);

/** A Today word set's catalog in one language: the language is the first capture. */
export const todayWordsPattern = new RegExp(
  `i18n${separator}(?:${TODAY_CARD_WORD_SETS.join("|")})\\.(en|es)\\.json$`,
);
