import { type FormEvent, useState } from "react";
import { FormAlert } from "../../components/FormAlert";
import { PasswordField } from "../../components/PasswordField";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useFormSubmit } from "../../components/use-form-submit";
import { useI18n } from "../../i18n/context";
import { secondFactorApi } from "./api";

const fields = ["currentPassword", "password"] as const;

/** Settings › Password: the current one, then a new one; other devices are signed out. */
export function ChangePasswordScreen() {
  const { t } = useI18n();
  const [currentPassword, setCurrentPassword] = useState("");
  const [password, setPassword] = useState("");
  const [isDone, setDone] = useState(false);
  const form = useFormSubmit(fields);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void form.send(async () => {
      await secondFactorApi.changePassword({ currentPassword, password });
      setCurrentPassword("");
      setPassword("");
      setDone(true);
    });
  }

  return (
    <section className="stack">
      <ScreenHeading titleKey="changePassword.title" />
      {isDone ? (
        <p role="status">{t("changePassword.done")}</p>
      ) : (
        <>
          <p className="lead">{t("changePassword.intro")}</p>
          <form className="stack" noValidate onSubmit={submit} aria-busy={form.isSubmitting}>
            <FormAlert message={form.formError} />
            <PasswordField
              label={t("changePassword.current")}
              value={currentPassword}
              onChange={setCurrentPassword}
              autoComplete="current-password"
              error={form.fieldError("currentPassword")}
              inputRef={form.register("currentPassword")}
            />
            <PasswordField
              label={t("changePassword.new")}
              value={password}
              onChange={setPassword}
              autoComplete="new-password"
              isNew
              error={form.fieldError("password")}
              inputRef={form.register("password")}
            />
            <button type="submit" className="button primary" disabled={form.isSubmitting}>
              {form.isSubmitting ? t("changePassword.submitting") : t("changePassword.submit")}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
