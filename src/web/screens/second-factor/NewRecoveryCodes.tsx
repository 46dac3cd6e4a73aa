import { type FormEvent, useState } from "react";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { PasswordField } from "../../components/PasswordField";
import { useFormError } from "../../components/use-form-error";
import { useI18n } from "../../i18n/context";
import { secondFactorApi } from "./api";

const fields = ["password"] as const;

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
  const i18n = useI18n();
  const { t } = i18n;
  const [isAsking, setAsking] = useState(false);
  const [password, setPassword] = useState("");
  const [isBusy, setBusy] = useState(false);
  const form = useFormError(fields);

  async function make(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBusy) return;
    form.setError(null);
    setBusy(true);
    try {
      const { recoveryCodes } = await secondFactorApi.newRecoveryCodes(password);
      setPassword("");
      onMade(recoveryCodes);
    } catch (error) {
      form.setError(describeError(error, i18n));
      setBusy(false);
    }
  }

  function cancel() {
    form.setError(null);
    setPassword("");
    setAsking(false);
  }

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
    <form className="stack" noValidate onSubmit={make} aria-busy={isBusy}>
      <FormAlert message={form.formError} />
      <p>{t("secondFactor.confirmPasswordIntro")}</p>
      <PasswordField
        label={t("secondFactor.yourPassword")}
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={form.fieldError("password")}
        inputRef={form.register("password")}
      />
      <div className="stack">
        <button type="submit" className="button primary" disabled={isBusy}>
          {isBusy ? t("secondFactor.makingCodes") : t("secondFactor.makeCodes")}
        </button>
        <button type="button" className="button secondary" onClick={cancel} disabled={isBusy}>
          {t("secondFactor.cancel")}
        </button>
      </div>
    </form>
  );
}
