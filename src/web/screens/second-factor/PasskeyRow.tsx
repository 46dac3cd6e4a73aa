import { useState } from "react";
import type { Passkey } from "../../../domain/api/passkeys";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
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
 * One passkey: its name, when it was added and last used, and Remove — which asks first, and
 * for the last second factor says plainly what the person loses.
 */
export function PasskeyRow({ passkey, isLastFactor, required, onRemoved }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [isConfirming, setConfirming] = useState(false);
  const [isRemoving, setRemoving] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function remove() {
    setError(undefined);
    setRemoving(true);
    try {
      await secondFactorApi.removePasskey(passkey.id, isLastFactor);
      onRemoved(passkey);
    } catch (failure) {
      setError(describeError(failure, i18n).message);
      setRemoving(false);
    }
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
      <FormAlert message={error} />
      {isConfirming ? (
        <div className="stack">
          <p className={isLastFactor ? "alert" : undefined}>{warning}</p>
          <div className="passkey-actions">
            <button type="button" className="button danger" onClick={remove} disabled={isRemoving}>
              {isLastFactor ? t("passkeys.removeAnyway") : t("passkeys.confirmRemove")}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => setConfirming(false)}
              disabled={isRemoving}
            >
              {t("passkeys.keep")}
            </button>
          </div>
        </div>
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
