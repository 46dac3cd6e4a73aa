import { type FormEvent, useMemo, useState } from "react";
import { renderSVG } from "uqr";
import type { TotpEnrolment } from "../../../domain/api/second-factor";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { TextField } from "../../components/TextField";
import { useFormError } from "../../components/use-form-error";
import { useI18n } from "../../i18n/context";
import { secondFactorApi } from "./api";

const fields = ["code"] as const;

/** Setting up the authenticator: the key, shown once, then the first code to prove it took. */
export function TotpSetup({ onConfirmed }: { onConfirmed: (recoveryCodes: string[]) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [code, setCode] = useState("");
  const [isBusy, setBusy] = useState(false);
  const form = useFormError(fields);
  // Drawn here, from the address the server gave: the key never goes to a QR service.
  const qrCode = useMemo(
    () =>
      enrolment
        ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(enrolment.uri))}`
        : null,
    [enrolment],
  );

  async function start() {
    form.setError(null);
    setBusy(true);
    try {
      setEnrolment(await secondFactorApi.beginTotp());
    } catch (error) {
      form.setError(describeError(error, i18n));
    } finally {
      setBusy(false);
    }
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBusy) return;
    form.setError(null);
    setBusy(true);
    try {
      const { recoveryCodes } = await secondFactorApi.confirmTotp(code.trim());
      onConfirmed(recoveryCodes);
    } catch (error) {
      form.setError(describeError(error, i18n));
      setBusy(false);
    }
  }

  if (!enrolment) {
    return (
      <div className="stack">
        <FormAlert message={form.formError} />
        <button type="button" className="button primary" onClick={start} disabled={isBusy}>
          {isBusy ? t("secondFactor.starting") : t("secondFactor.start")}
        </button>
      </div>
    );
  }
  return (
    <form className="stack" noValidate onSubmit={confirm} aria-busy={isBusy}>
      <FormAlert message={form.formError} />
      <p>{t("secondFactor.step1")}</p>
      <p>{t("secondFactor.step2")}</p>
      {qrCode && (
        <img
          className="qr-code"
          src={qrCode}
          alt={t("secondFactor.qrAlt")}
          width={200}
          height={200}
        />
      )}
      <div className="field">
        <label htmlFor="totp-setup-key">{t("secondFactor.setupKey")}</label>
        <input
          id="totp-setup-key"
          readOnly
          className="setup-key"
          value={enrolment.secret}
          onFocus={(event) => event.target.select()}
        />
      </div>
      <p>
        <a href={enrolment.uri}>{t("secondFactor.openInApp")}</a>
      </p>
      <p>{t("secondFactor.step3")}</p>
      <TextField
        label={t("secondFactor.code")}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={form.fieldError("code")}
        inputRef={form.register("code")}
      />
      <button type="submit" className="button primary" disabled={isBusy}>
        {isBusy ? t("secondFactor.confirming") : t("secondFactor.confirm")}
      </button>
    </form>
  );
}
