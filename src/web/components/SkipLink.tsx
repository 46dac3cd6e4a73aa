import { useI18n } from "../i18n/context";

/** First focusable element on every page, so keyboard users can jump past the header. */
export function SkipLink() {
  const { t } = useI18n();
  return (
    <a className="skip-link" href="#main">
      {t("app.skipToContent")}
    </a>
  );
}
