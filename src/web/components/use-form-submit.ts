import { useRef, useState } from "react";
import { useI18n } from "../i18n/context";
import { describeError, type ErrorDescription } from "./api-error";
import { useFormError } from "./use-form-error";

export interface SendOptions {
  /** Words for a failure other than the server's usual ones (a passkey ceremony, a field). */
  describe?: (error: unknown) => ErrorDescription;
  /**
   * Keep the form busy after a success, for a form whose success moves the person on (signing
   * in): the button must not come back for the moment before the next screen draws.
   */
  staysBusyAfterSuccess?: boolean;
}

/**
 * How every form sends: one send at a time, the button busy meanwhile, and a failure
 * explained next to its field (or above the form) so the person can fix it and send again.
 */
export function useFormSubmit<Field extends string>(fields: readonly Field[]) {
  const i18n = useI18n();
  const form = useFormError(fields);
  const [isSubmitting, setSubmitting] = useState(false);
  // A ref as well as state: two taps in one frame both see the state from before the first.
  const isSending = useRef(false);

  async function send(work: () => Promise<unknown>, options: SendOptions = {}) {
    if (isSending.current) return;
    isSending.current = true;
    form.setError(null);
    setSubmitting(true);
    let succeeded = false;
    try {
      await work();
      succeeded = true;
    } catch (error) {
      form.setError(options.describe ? options.describe(error) : describeError(error, i18n));
    } finally {
      if (!(succeeded && options.staysBusyAfterSuccess)) {
        isSending.current = false;
        setSubmitting(false);
      }
    }
  }

  return { ...form, isSubmitting, send };
}
