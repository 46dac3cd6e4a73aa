import { useState } from "react";
import type { Passkey } from "../../../domain/api/passkeys";
import { PasswordConfirmForm } from "../../components/PasswordConfirmForm";
import { useI18n } from "../../i18n/context";
import { secondFactorApi } from "./api";

interface Props {
  passkey: Passkey;
  /** Removing it leaves no second factor at all. */
  isLastFactor: boolean;
  required: boolean;
  onRemoved: (passkey: Passkey) => void;
}

/**
 * One passkey: its name, when it was added and last used, and Remove — which asks first, with
 * the password (a session left open on a shared phone must not strip the account's factors),
 * and for the last second factor says plainly what the person loses.
 */
export function PasskeyRow({ passkey, isLastFactor, required, onRemoved }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [isConfirming, setConfirming] = useState(false);
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
        <PasswordConfirmForm
          question={warning}
          isWarning={isLastFactor}
          passwordLabel={t("secondFactor.yourPassword")}
          confirmLabel={isLastFactor ? t("passkeys.removeAnyway") : t("passkeys.confirmRemove")}
          confirmClassName="button danger"
          actionsClassName="passkey-actions"
          cancelLabel={t("passkeys.keep")}
          onConfirm={async (password) => {
            await secondFactorApi.removePasskey(passkey.id, isLastFactor, password);
            onRemoved(passkey);
          }}
          onCancel={() => setConfirming(false)}
        />
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
