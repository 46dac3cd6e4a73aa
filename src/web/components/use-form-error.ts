import { useCallback, useLayoutEffect, useRef, useState } from "react";
import type { ErrorDescription } from "./api-error";

/**
 * Puts an error next to the field it is about (and moves focus there), or at the top of the
 * form when it is about no field this form has.
 */
export function useFormError<Field extends string>(fields: readonly Field[]) {
  const [error, setError] = useState<ErrorDescription | null>(null);
  // Any focusable control: an input, a select or a textarea.
  const inputs = useRef(new Map<string, HTMLElement>());
  const errorField = fields.find((field) => field === error?.field);

  useLayoutEffect(() => {
    if (error && errorField) inputs.current.get(errorField)?.focus();
  }, [error, errorField]);

  const register = useCallback(
    (field: Field) => (input: HTMLElement | null) => {
      if (input) inputs.current.set(field, input);
      else inputs.current.delete(field);
    },
    [],
  );

  return {
    setError,
    register,
    fieldError: (field: Field) => (errorField === field ? error?.message : undefined),
    formError: error && !errorField ? error.message : undefined,
  };
}
