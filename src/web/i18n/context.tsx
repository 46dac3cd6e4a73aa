import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import type { Locale } from "../../domain/api/auth";
import {
  isLocaleLoaded,
  loadLocale,
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
  // English ships with the app; another language's words load first (a few KB, once). If they
  // cannot be fetched (offline before they were ever cached), English is shown instead.
  const [, setLoadedCount] = useState(0);
  const [failed, setFailed] = useState<Locale | null>(null);
  useEffect(() => {
    if (isLocaleLoaded(wanted)) return;
    loadLocale(wanted).then(
      () => setLoadedCount((count) => count + 1),
      () => setFailed(wanted),
    );
  }, [wanted]);
  const ready = isLocaleLoaded(wanted) || failed === wanted;
  const locale: Locale = isLocaleLoaded(wanted) ? wanted : "en";

  const i18n = useMemo<I18n>(() => {
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
    return {
      locale,
      t: (key, params) => translate(locale, key, params),
      tCount: (key, count, params) => translateCount(locale, key, count, params),
      formatDateTime: (iso) => dateTime.format(new Date(iso)),
    };
  }, [locale]);

  // Screen readers pick their voice from <html lang>, so it must follow the catalog in use.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  if (!ready) return null;
  return <I18nContext value={i18n}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n needs an <I18nProvider> above it");
  return i18n;
}
