import { useI18n } from "../i18n/context";

/** Shown when a screen could not load its data; help stays reachable from the header. */
export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div className="error-state">
      <p role="alert">{message}</p>
      <button type="button" className="button secondary" onClick={onRetry}>
        {t("app.retry")}
      </button>
    </div>
  );
}
