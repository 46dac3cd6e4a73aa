import { type FormEvent, useState } from "react";
import type { Passkey } from "../../../domain/api/passkeys";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { PasswordField } from "../../components/PasswordField";
import { useFormError } from "../../components/use-form-error";
import { useI18n } from "../../i18n/context";
import { secondFactorApi } from "./api";

interface Props {
  passkey: Passkey;
  /** Removing it leaves no second factor at all. */
  isLastFactor: boolean;
  required: boolean;
  onRemoved: (passkey: Passkey) => void;
}

const fields = ["password"] as const;

/**
 * One passkey: its name, when it was added and last used, and Remove — which asks first, with
 * the password (a session left open on a shared phone must not strip the account's factors),
 * and for the last second factor says plainly what the person loses.
 */
export function PasskeyRow({ passkey, isLastFactor, required, onRemoved }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [isConfirming, setConfirming] = useState(false);
  const [isRemoving, setRemoving] = useState(false);
  const [password, setPassword] = useState("");
  const form = useFormError(fields);

  async function remove(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isRemoving) return;
    form.setError(null);
    setRemoving(true);
    try {
      await secondFactorApi.removePasskey(passkey.id, isLastFactor, password);
      onRemoved(passkey);
    } catch (failure) {
      form.setError(describeError(failure, i18n));
      setRemoving(false);
    }
  }

  function keep() {
    form.setError(null);
    setPassword("");
    setConfirming(false);
  }

  const warning = !isLastFactor
    ? t("passkeys.removeQuestion", { name: passkey.name })
    : required
      ? t("passkeys.lastFactorStaff")
      : t("passkeys.lastFactorMember");
  return (
    <li className="card stack passkey">
      <p className="passkey-name">{passkey.name}</p>
      <p className="hint">
        {t("passkeys.addedOn", { date: i18n.formatDateTime(passkey.createdAt) })}
        {" · "}
        {passkey.lastUsedAt
          ? t("passkeys.lastUsed", { date: i18n.formatDateTime(passkey.lastUsedAt) })
          : t("passkeys.notUsedYet")}
      </p>
      {isConfirming ? (
        <form className="stack" noValidate onSubmit={remove} aria-busy={isRemoving}>
          <FormAlert message={form.formError} />
          <p className={isLastFactor ? "alert" : undefined}>{warning}</p>
          <PasswordField
            label={t("secondFactor.yourPassword")}
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={form.fieldError("password")}
            inputRef={form.register("password")}
          />
          <div className="passkey-actions">
            <button type="submit" className="button danger" disabled={isRemoving}>
              {isLastFactor ? t("passkeys.removeAnyway") : t("passkeys.confirmRemove")}
            </button>
            <button type="button" className="button secondary" onClick={keep} disabled={isRemoving}>
              {t("passkeys.keep")}
            </button>
          </div>
        </form>
      ) : (
        <div className="passkey-actions">
          <button
            type="button"
            className="button secondary"
            aria-label={t("passkeys.removeNamed", { name: passkey.name })}
            onClick={() => setConfirming(true)}
          >
            {t("passkeys.remove")}
          </button>
        </div>
      )}
    </li>
  );
}
