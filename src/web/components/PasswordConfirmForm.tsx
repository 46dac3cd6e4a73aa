import { type FormEvent, useState } from "react";
import { FormAlert } from "./FormAlert";
import { PasswordField } from "./PasswordField";
import { useFormSubmit } from "./use-form-submit";

const fields = ["password"] as const;

interface PasswordConfirmFormProps {
  /** What confirming will do, in the screen's own words, above the password field. */
  question: string;
  /** Shows the question as a warning (removing the last second factor). */
  isWarning?: boolean;
  passwordLabel: string;
  confirmLabel: string;
  /** The confirm button's words while it sends, where the screen has them. */
  busyLabel?: string;
  confirmClassName: "button primary" | "button secondary" | "button danger";
  /** How the two buttons sit: side by side in a row, or one above the other. */
  actionsClassName: string;
  cancelLabel: string;
  /** Does the thing; a failure it throws is explained above the form or by the field. */
  onConfirm: (password: string) => Promise<void>;
  onCancel: () => void;
}

/**
 * "Type your password to confirm" before something a session left open on a shared device
 * must not be enough for (ending another session, new recovery codes, removing a passkey).
 * Success moves the person on, so the form stays busy until the screen takes it away.
 */
export function PasswordConfirmForm(props: PasswordConfirmFormProps) {
  const [password, setPassword] = useState("");
  const form = useFormSubmit(fields);
  const isBusy = form.isSubmitting;

  function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void form.send(
      async () => {
        await props.onConfirm(password);
        setPassword("");
      },
      { staysBusyAfterSuccess: true },
    );
  }

  function cancel() {
    form.setError(null);
    setPassword("");
    props.onCancel();
  }

  return (
    <form className="stack" noValidate onSubmit={confirm} aria-busy={isBusy}>
      <FormAlert message={form.formError} />
      <p className={props.isWarning ? "alert" : undefined}>{props.question}</p>
      <PasswordField
        label={props.passwordLabel}
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={form.fieldError("password")}
        inputRef={form.register("password")}
      />
      <div className={props.actionsClassName}>
        <button type="submit" className={props.confirmClassName} disabled={isBusy}>
          {isBusy && props.busyLabel ? props.busyLabel : props.confirmLabel}
        </button>
        <button type="button" className="button secondary" onClick={cancel} disabled={isBusy}>
          {props.cancelLabel}
        </button>
      </div>
    </form>
  );
}
