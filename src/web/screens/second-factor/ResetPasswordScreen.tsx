import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { FormAlert } from "../../components/FormAlert";
import { PasswordField } from "../../components/PasswordField";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useFormSubmit } from "../../components/use-form-submit";
import { useI18n } from "../../i18n/context";
import { secondFactorApi } from "./api";

const fields = ["password"] as const;

/** The page a reset link from an admin opens: one new password, then sign in. */
export function ResetPasswordScreen({ token }: { token: string }) {
  const { t } = useI18n();
  const [password, setPassword] = useState("");
  const [isDone, setDone] = useState(false);
  const form = useFormSubmit(fields);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void form.send(async () => {
      await secondFactorApi.resetPassword(token, password);
      setDone(true);
    });
  }

  return (
    <section className="stack">
      <ScreenHeading titleKey="resetPassword.title" />
      {isDone ? (
        <ResetDone />
      ) : (
        <>
          <p className="lead">{t("resetPassword.intro")}</p>
          <form className="stack" noValidate onSubmit={submit} aria-busy={form.isSubmitting}>
            <FormAlert message={form.formError} />
            <PasswordField
              label={t("resetPassword.password")}
              value={password}
              onChange={setPassword}
              autoComplete="new-password"
              isNew
              error={form.fieldError("password")}
              inputRef={form.register("password")}
            />
            <button type="submit" className="button primary" disabled={form.isSubmitting}>
              {form.isSubmitting ? t("resetPassword.submitting") : t("resetPassword.submit")}
            </button>
          </form>
        </>
      )}
    </section>
  );
}

export function ResetDone() {
  const { t } = useI18n();
  return (
    <div className="stack" role="status">
      <p>{t("resetPassword.done")}</p>
      <p>
        <Link href="/sign-in">{t("resetPassword.signIn")}</Link>
      </p>
    </div>
  );
}
