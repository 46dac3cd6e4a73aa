import { useId } from "react";

interface ScaleFieldProps {
  legend: string;
  /** Words for the two ends, e.g. "Very low" and "Very high". */
  lowLabel: string;
  highLabel: string;
  value: number | null;
  onChange: (value: number) => void;
  error?: string | undefined;
  hint?: string;
  /** A radio to focus when the form points at this field. */
  firstInputRef?: (input: HTMLInputElement | null) => void;
}

const POINTS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/**
 * A 0–10 scale as eleven big radio buttons in two rows, with words at the ends. Radios
 * rather than a slider: one tap, no dragging, and arrow keys work as everywhere else.
 */
export function ScaleField(props: ScaleFieldProps) {
  const { legend, lowLabel, highLabel, value, onChange, error, hint, firstInputRef } = props;
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <fieldset className="scale-field" aria-describedby={describedBy || undefined}>
      <legend>
        {legend}
        <span className="scale-value" aria-hidden="true">
          {value ?? "–"}
        </span>
      </legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="scale-points">
        {POINTS.map((point) => (
          <label key={point} className="scale-point">
            <input
              type="radio"
              name={id}
              value={point}
              checked={value === point}
              onChange={() => onChange(point)}
              ref={point === 0 ? firstInputRef : undefined}
              aria-invalid={error ? true : undefined}
            />
            <span aria-hidden="true">{point}</span>
            <span className="visually-hidden">
              {point === 0 ? `0, ${lowLabel}` : point === 10 ? `10, ${highLabel}` : point}
            </span>
          </label>
        ))}
      </div>
      <div className="scale-ends" aria-hidden="true">
        <span>0 · {lowLabel}</span>
        <span>10 · {highLabel}</span>
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
