import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import type { Locale } from "../../domain/api/auth";
import { dateTimeFormatter } from "./dates";
import { loadWords, requestedWordSets, setShownLocale, wordsLoaded } from "./load-words";
import {
  type MessageKey,
  type MessageParams,
  type PluralKey,
  translate,
  translateCount,
} from "./translate";

export interface I18n {
  locale: Locale;
  t: (key: MessageKey, params?: MessageParams) => string;
  tCount: (key: PluralKey, count: number, params?: MessageParams) => string;
  formatDateTime: (iso: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({
  locale: wanted,
  children,
}: {
  locale: Locale;
  children: ReactNode;
}) {
  // English shell words ship with the app. Another language's words load first (the shell's
  // and those of every screen opened so far), while the screen stays in the language it shows.
  // If they cannot be fetched (offline before they were ever cached), English is shown instead.
  // The first draw needs only the shell's: a screen's own words are its lazy code's to wait
  // for (lazyWithWords), and Today's are already being fetched as the app starts, which must
  // not hold the header and the card placeholders back (issue 16).
  const [settled, setSettled] = useState<Locale | null>(() =>
    wordsLoaded(wanted, ["shell"]) ? wanted : null,
  );
  useEffect(() => {
    if (settled === wanted) return;
    let current = true;
    const settle = () => {
      if (current) setSettled(wanted);
    };
    // A second pass for sets a screen asked for while the first was loading.
    const load = () => loadWords(wanted, requestedWordSets());
    load().then(load).then(settle, settle);
    return () => {
      current = false;
    };
  }, [wanted, settled]);
  const shown: Locale | null =
    settled === null ? null : wordsLoaded(settled, ["shell"]) ? settled : "en";
  const locale: Locale = shown ?? "en";
  // Screens that load later fetch their words in this language (load-words.ts).
  if (shown) setShownLocale(shown);

  const i18n = useMemo<I18n>(
    () => ({
      locale,
      t: (key, params) => translate(locale, key, params),
      tCount: (key, count, params) => translateCount(locale, key, count, params),
      formatDateTime: dateTimeFormatter(locale),
    }),
    [locale],
  );

  // Screen readers pick their voice from <html lang>, so it must follow the catalog in use.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  if (!shown) return null;
  return <I18nContext value={i18n}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n needs an <I18nProvider> above it");
  return i18n;
}
