import { type FormEvent, useState } from "react";
import { FormAlert } from "../../components/FormAlert";
import { PasswordField } from "../../components/PasswordField";
import { ScreenHeading } from "../../components/ScreenHeading";
import { TextField } from "../../components/TextField";
import { useFormSubmit } from "../../components/use-form-submit";
import { useI18n } from "../../i18n/context";
import { secondFactorApi } from "./api";
import { ResetDone } from "./ResetPasswordScreen";

const fields = ["email", "recoveryCode", "password"] as const;

/** A forgotten password, without email: one of the person's own recovery codes. */
export function RecoverScreen() {
  const { t } = useI18n();
  const [values, setValues] = useState({ email: "", recoveryCode: "", password: "" });
  const [isDone, setDone] = useState(false);
  const form = useFormSubmit(fields);
  const set = (field: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void form.send(async () => {
      await secondFactorApi.recover({
        email: values.email.trim(),
        recoveryCode: values.recoveryCode.trim(),
        password: values.password,
      });
      setDone(true);
    });
  }

  return (
    <section className="stack">
      <ScreenHeading titleKey="recover.title" />
      {isDone ? (
        <ResetDone />
      ) : (
        <>
          <p className="lead">{t("recover.intro")}</p>
          <form className="stack" noValidate onSubmit={submit} aria-busy={form.isSubmitting}>
            <FormAlert message={form.formError} />
            <TextField
              label={t("auth.email")}
              type="email"
              inputMode="email"
              autoComplete="email"
              autoCapitalize="none"
              spellCheck={false}
              value={values.email}
              onChange={(event) => set("email")(event.target.value)}
              error={form.fieldError("email")}
              inputRef={form.register("email")}
            />
            <TextField
              label={t("recover.recoveryCode")}
              hint={t("verifySecondFactor.recoveryHint")}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={values.recoveryCode}
              onChange={(event) => set("recoveryCode")(event.target.value)}
              error={form.fieldError("recoveryCode")}
              inputRef={form.register("recoveryCode")}
            />
            <PasswordField
              label={t("resetPassword.password")}
              value={values.password}
              onChange={set("password")}
              autoComplete="new-password"
              isNew
              error={form.fieldError("password")}
              inputRef={form.register("password")}
            />
            <button type="submit" className="button primary" disabled={form.isSubmitting}>
              {form.isSubmitting ? t("resetPassword.submitting") : t("recover.submit")}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
