import { useId } from "react";

export interface Choice<Value> {
  value: Value;
  label: string;
}

interface ChoiceRowProps<Value> {
  legend: string;
  choices: readonly Choice<Value>[];
  value: Value | undefined;
  onChange: (value: Value) => void;
  error?: string | undefined;
  hint?: string;
  firstInputRef?: (input: HTMLInputElement | null) => void;
}

/** A few mutually exclusive answers (yes / no / …) as a row of large radio buttons. */
export function ChoiceRow<Value>(props: ChoiceRowProps<Value>) {
  const { legend, choices, value, onChange, error, hint, firstInputRef } = props;
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <fieldset className="choice-row" aria-describedby={describedBy || undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="choice-row-options">
        {choices.map((choice, index) => (
          <label key={choice.label} className="pill">
            <input
              type="radio"
              name={id}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              ref={index === 0 ? firstInputRef : undefined}
              aria-invalid={error ? true : undefined}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
