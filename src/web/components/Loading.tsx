import { useI18n } from "../i18n/context";

/** A polite status line; a spinner alone says nothing to a screen reader. */
export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t("app.loading")}
    </p>
  );
}
