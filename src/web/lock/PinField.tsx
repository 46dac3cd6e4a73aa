import type { Ref } from "react";
import { TextField } from "../components/TextField";

/** A PIN input: hidden digits, the number pad on phones, digits only, at most 8. */
export function PinField({
  label,
  hint,
  value,
  error,
  inputRef,
  onChange,
}: {
  label: string;
  hint?: string;
  value: string;
  error: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  onChange: (digits: string) => void;
}) {
  return (
    <TextField
      label={label}
      {...(hint ? { hint } : {})}
      type="password"
      inputMode="numeric"
      autoComplete="off"
      maxLength={8}
      value={value}
      error={error}
      {...(inputRef ? { inputRef } : {})}
      onChange={(event) => onChange(event.target.value.replace(/\D/g, ""))}
    />
  );
}
