import { useState } from "react";
import { PasswordConfirmForm } from "../../components/PasswordConfirmForm";
import { useI18n } from "../../i18n/context";
import { secondFactorApi } from "./api";

/**
 * "Make new recovery codes": asks for the password first, since whoever holds the codes can
 * reset it — a session left open on a shared computer must not be enough (ASVS 7.5.1).
 */
export function NewRecoveryCodes({
  codesLeft,
  onMade,
}: {
  codesLeft: number;
  onMade: (recoveryCodes: string[]) => void;
}) {
  const { t } = useI18n();
  const [isAsking, setAsking] = useState(false);

  if (!isAsking) {
    return (
      <div className="stack">
        <button
          type="button"
          className="button secondary"
          onClick={() => setAsking(true)}
          aria-describedby={codesLeft > 0 ? "new-codes-hint" : undefined}
        >
          {t("secondFactor.newCodes")}
        </button>
        {codesLeft > 0 && (
          <p className="hint" id="new-codes-hint">
            {t("secondFactor.newCodesHint")}
          </p>
        )}
      </div>
    );
  }
  return (
    <PasswordConfirmForm
      question={t("secondFactor.confirmPasswordIntro")}
      passwordLabel={t("secondFactor.yourPassword")}
      confirmLabel={t("secondFactor.makeCodes")}
      busyLabel={t("secondFactor.makingCodes")}
      confirmClassName="button primary"
      actionsClassName="stack"
      cancelLabel={t("secondFactor.cancel")}
      onConfirm={async (password) => {
        const { recoveryCodes } = await secondFactorApi.newRecoveryCodes(password);
        onMade(recoveryCodes);
      }}
      onCancel={() => setAsking(false)}
    />
  );
}
