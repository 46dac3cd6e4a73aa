import { useI18n } from "../../i18n/context";
import type { LastChange } from "./use-plan-editor";

/**
 * "Step marked done · Undo". It stays until the next change or until dismissed, so someone
 * using a screen reader or a switch has all the time they need to reach it.
 */
export function UndoToast({
  change,
  announcement,
  onUndo,
  onDismiss,
}: {
  change: LastChange | null;
  announcement: string;
  onUndo: () => void;
  onDismiss: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="toast-region" role="status">
      {change ? (
        <div className="toast">
          <span>{change.message}</span>
          <button type="button" className="button toast-undo" onClick={onUndo}>
            {t("plan.undo")}
          </button>
          <button
            type="button"
            className="toast-close"
            aria-label={t("plan.dismiss")}
            onClick={onDismiss}
          >
            ×
          </button>
        </div>
      ) : (
        announcement && <p className="visually-hidden">{announcement}</p>
      )}
    </div>
  );
}
