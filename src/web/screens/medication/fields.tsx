import {
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from "react";

/** A labelled select whose error is read out with it. */
export function SelectField({
  label,
  error,
  children,
  ...selectProps
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & {
  label: string;
  error?: string | undefined;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        {...selectProps}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {children}
      </select>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function TextAreaField({
  label,
  ...areaProps
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> & { label: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea {...areaProps} id={id} rows={3} />
    </div>
  );
}

/** A question answered by one of a few choices, as large tappable pills. */
export function ChoicePills<Value extends string>({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  name: string;
  value: Value;
  options: readonly { value: Value; label: string }[];
  onChange: (value: Value) => void;
}) {
  return (
    <fieldset className="choice-row">
      <legend>{legend}</legend>
      <div className="choice-row-options">
        {options.map((option) => (
          <label key={option.value} className="pill">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Weekday toggles (Mon … Sun). */
export function DayToggles<Day extends string>({
  legend,
  days,
  selected,
  labelOf,
  onChange,
  error,
}: {
  legend: string;
  days: readonly Day[];
  selected: readonly Day[];
  labelOf: (day: Day) => string;
  onChange: (days: Day[]) => void;
  error?: string | undefined;
}) {
  return (
    <fieldset className="toggle-group">
      <legend>{legend}</legend>
      <div className="toggle-grid day-toggles">
        {days.map((day) => (
          <label key={day} className="pill">
            <input
              type="checkbox"
              checked={selected.includes(day)}
              aria-invalid={error ? true : undefined}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? days.filter((each) => each === day || selected.includes(each))
                    : selected.filter((each) => each !== day),
                )
              }
            />
            <span>{labelOf(day)}</span>
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
