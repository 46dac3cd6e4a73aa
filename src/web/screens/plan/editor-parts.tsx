import { useRef } from "react";
import { useI18n } from "../../i18n/context";
import type { MessageKey } from "../../i18n/translate";

/** The pieces the goal and step editors share: a required title, save/cancel, move/delete. */

export function TitleField({
  fieldId,
  labelKey,
  value,
  error,
  onChange,
}: {
  fieldId: string;
  labelKey: MessageKey;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  const errorId = `${fieldId}-title-error`;
  return (
    <>
      <label className="field">
        <span>{t(labelKey)}</span>
        <textarea
          rows={2}
          value={value}
          maxLength={200}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      </label>
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </>
  );
}

export function SaveCancel({ onCancel }: { onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="button-row">
      <button type="submit" className="button primary">
        {t("plan.save")}
      </button>
      <button type="button" className="button secondary" onClick={onCancel}>
        {t("plan.cancel")}
      </button>
    </div>
  );
}

/**
 * Move up, move down and delete. Moving re-orders the list under the button, so focus is put
 * back on the button afterwards; the item's title is read out with each button.
 */
export function MoveDeleteRow({
  itemTitle,
  isFirst,
  isLast,
  deleteKey,
  onMove,
  onDelete,
}: {
  itemTitle: string;
  isFirst: boolean;
  isLast: boolean;
  deleteKey: MessageKey;
  onMove: (direction: -1 | 1) => Promise<void>;
  onDelete: () => void;
}) {
  const { t } = useI18n();
  const upButton = useRef<HTMLButtonElement>(null);
  const downButton = useRef<HTMLButtonElement>(null);

  async function move(direction: -1 | 1) {
    if (direction === -1 ? isFirst : isLast) return;
    await onMove(direction);
    (direction === -1 ? upButton : downButton).current?.focus();
  }

  return (
    <div className="button-row">
      <button
        ref={upButton}
        type="button"
        className="button secondary small"
        aria-disabled={isFirst}
        onClick={() => move(-1)}
      >
        {t("plan.moveUp")}
        <span className="visually-hidden">: {itemTitle}</span>
      </button>
      <button
        ref={downButton}
        type="button"
        className="button secondary small"
        aria-disabled={isLast}
        onClick={() => move(1)}
      >
        {t("plan.moveDown")}
        <span className="visually-hidden">: {itemTitle}</span>
      </button>
      <button type="button" className="button danger-quiet small" onClick={onDelete}>
        {t(deleteKey)}
      </button>
    </div>
  );
}
