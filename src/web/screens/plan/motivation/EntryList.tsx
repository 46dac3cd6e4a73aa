import { type FormEvent, type ReactNode, useId, useRef, useState } from "react";
import { useI18n } from "../../../i18n/context";

/**
 * A short list the person writes themselves (reasons, motivators, letting go, one side of the
 * decisional balance): shown back, each entry movable and removable, with a box to add one.
 */
export function EntryList<Entry>({
  entries,
  describe,
  render,
  onChange,
  ordered = false,
  emptyText,
  className = "entries",
}: {
  entries: readonly Entry[];
  /** The entry as plain text, for the buttons' accessible names. */
  describe: (entry: Entry) => string;
  render?: (entry: Entry) => ReactNode;
  onChange: (next: Entry[], change: "moved" | "removed") => Promise<boolean>;
  ordered?: boolean;
  emptyText: string;
  className?: string;
}) {
  const { t } = useI18n();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  if (entries.length === 0) return <p className="hint">{emptyText}</p>;
  const List = ordered ? "ol" : "ul";

  async function move(index: number, direction: -1 | 1) {
    const to = index + direction;
    if (to < 0 || to >= entries.length) return;
    const next = [...entries];
    const [moved] = next.splice(index, 1);
    if (moved === undefined) return;
    next.splice(to, 0, moved);
    if (await onChange(next, "moved")) {
      buttons.current.get(`${to}:${direction}`)?.focus();
    }
  }

  return (
    <List className={className}>
      {entries.map((entry, index) => {
        const text = describe(entry);
        return (
          // Entries may repeat, and the list is rewritten whole on every change.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={`${index}:${text}`}>
            <span className="entry-text">{render ? render(entry) : text}</span>
            <span className="entry-actions">
              {ordered && (
                <>
                  <button
                    ref={(button) => {
                      if (button) buttons.current.set(`${index}:-1`, button);
                    }}
                    type="button"
                    className="icon-button"
                    aria-label={t("reasons.moveUp", { text })}
                    aria-disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </button>
                  <button
                    ref={(button) => {
                      if (button) buttons.current.set(`${index}:1`, button);
                    }}
                    type="button"
                    className="icon-button"
                    aria-label={t("reasons.moveDown", { text })}
                    aria-disabled={index === entries.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </button>
                </>
              )}
              <button
                type="button"
                className="icon-button"
                aria-label={t("reasons.remove", { text })}
                onClick={() =>
                  onChange(
                    entries.filter((_, at) => at !== index),
                    "removed",
                  )
                }
              >
                ×
              </button>
            </span>
          </li>
        );
      })}
    </List>
  );
}

/** A box (and optionally a kind) to add one entry. */
export function AddEntry<Kind extends string>({
  label,
  buttonLabel,
  kinds,
  kindLabel,
  onAdd,
  textRequired = true,
  multiline = false,
}: {
  label: string;
  buttonLabel: string;
  kinds?: { value: Kind; label: string }[];
  kindLabel?: string;
  onAdd: (text: string, kind: Kind | undefined) => Promise<boolean>;
  textRequired?: boolean;
  multiline?: boolean;
}) {
  const [text, setText] = useState("");
  const [kind, setKind] = useState<Kind | undefined>(kinds?.[0]?.value);
  const [isSaving, setSaving] = useState(false);
  const id = useId();

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = text.trim();
    if ((textRequired && !trimmed) || isSaving) return;
    setSaving(true);
    if (await onAdd(trimmed, kind)) setText("");
    setSaving(false);
  }

  return (
    <form className="add-entry" noValidate onSubmit={add}>
      {kinds && (
        <div className="field">
          <label htmlFor={`${id}-kind`}>{kindLabel}</label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(event) => setKind(event.target.value as Kind)}
          >
            {kinds.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-text`}>{label}</label>
        {multiline ? (
          <textarea
            id={`${id}-text`}
            rows={2}
            maxLength={500}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        ) : (
          <input
            id={`${id}-text`}
            maxLength={500}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </div>
      <button type="submit" className="button secondary" disabled={isSaving}>
        {buttonLabel}
      </button>
    </form>
  );
}
