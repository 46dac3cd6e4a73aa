import { type FormEvent, useState } from "react";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { ScreenHeading } from "../../components/ScreenHeading";
import { TextField } from "../../components/TextField";
import { useFormError } from "../../components/use-form-error";
import { useI18n } from "../../i18n/context";
import { useSession } from "../../session";
import { SignOutButton } from "../settings/SignOutButton";
import { secondFactorApi } from "./api";

const fields = ["code", "recoveryCode"] as const;

/** The second step of sign-in, for people with an authenticator: its code, or a recovery code. */
export function VerifySecondFactorScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const { setMe } = useSession();
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState("");
  const [isSubmitting, setSubmitting] = useState(false);
  const form = useFormError(fields);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSubmitting) return;
    form.setError(null);
    setSubmitting(true);
    try {
      const typed = value.trim();
      setMe(await secondFactorApi.verify(useRecovery ? { recoveryCode: typed } : { code: typed }));
    } catch (error) {
      form.setError(describeError(error, i18n));
      setSubmitting(false);
    }
  }

  function switchMethod() {
    form.setError(null);
    setValue("");
    setUseRecovery((current) => !current);
  }

  return (
    <section className="stack">
      <ScreenHeading titleKey="verifySecondFactor.title" />
      <p className="lead">{t("verifySecondFactor.intro")}</p>
      <form className="stack" noValidate onSubmit={submit} aria-busy={isSubmitting}>
        <FormAlert message={form.formError} />
        {useRecovery ? (
          <TextField
            key="recoveryCode"
            label={t("verifySecondFactor.recoveryCode")}
            hint={t("verifySecondFactor.recoveryHint")}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            error={form.fieldError("recoveryCode")}
            inputRef={form.register("recoveryCode")}
          />
        ) : (
          <TextField
            key="code"
            label={t("verifySecondFactor.code")}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            error={form.fieldError("code")}
            inputRef={form.register("code")}
          />
        )}
        <button type="submit" className="button primary" disabled={isSubmitting}>
          {isSubmitting ? t("verifySecondFactor.submitting") : t("verifySecondFactor.submit")}
        </button>
      </form>
      <button type="button" className="button link" onClick={switchMethod}>
        {useRecovery ? t("verifySecondFactor.useApp") : t("verifySecondFactor.useRecovery")}
      </button>
      <SignOutButton />
    </section>
  );
}
