import { useState } from "react";
import { describeError } from "../../../components/api-error";
import { useI18n } from "../../../i18n/context";

/**
 * One button's request at a time: while it runs the buttons wait, an error is shown in the
 * person's words, and the sentence the work returns is announced in a status line.
 */
export function useAction(onDone: () => void) {
  const i18n = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState("");

  async function run(work: () => Promise<string>) {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setStatus("");
    try {
      setStatus(await work());
      onDone();
    } catch (caught) {
      setError(describeError(caught, i18n).message);
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, setError, status, run };
}
