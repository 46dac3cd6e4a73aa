import { type Ref, useId, useState } from "react";
import { PASSWORD_MIN_LENGTH, passwordLength } from "../../domain/password-policy";
import { useI18n } from "../i18n/context";

interface PasswordFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: "new-password" | "current-password";
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  /** New passwords get the passphrase hint and a live length counter. */
  isNew?: boolean;
}

export function PasswordField(props: PasswordFieldProps) {
  const { label, value, onChange, autoComplete, error, inputRef, isNew = false } = props;
  const { t } = useI18n();
  const [isVisible, setVisible] = useState(false);
  const id = useId();
  const hintId = `${id}-hint`;
  const counterId = `${id}-counter`;
  const errorId = `${id}-error`;
  // Counted the way the server counts (code points after NFC), so the two always agree.
  const length = passwordLength(value);
  const isLongEnough = length >= PASSWORD_MIN_LENGTH;
  const describedBy = [isNew && hintId, isNew && counterId, error && errorId]
    .filter(Boolean)
    .join(" ");

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {isNew && (
        <p className="hint" id={hintId}>
          {t("auth.passwordHint")} {t("auth.passwordRule", { min: PASSWORD_MIN_LENGTH })}
        </p>
      )}
      <div className="password-row">
        <input
          id={id}
          ref={inputRef}
          type={isVisible ? "text" : "password"}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoComplete={autoComplete}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
        <button
          type="button"
          className="button secondary toggle"
          aria-controls={id}
          onClick={() => setVisible((visible) => !visible)}
        >
          {isVisible ? t("auth.hidePassword") : t("auth.showPassword")}
        </button>
      </div>
      {isNew && (
        // Not a live region: announcing every keystroke would drown out the typing itself.
        <p className={isLongEnough ? "counter ok" : "counter"} id={counterId}>
          {isLongEnough
            ? t("auth.passwordLongEnough", { count: length })
            : t("auth.passwordCounter", { count: length, min: PASSWORD_MIN_LENGTH })}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
