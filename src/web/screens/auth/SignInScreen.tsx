import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { api } from "../../api";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { PasswordField } from "../../components/PasswordField";
import { ScreenHeading } from "../../components/ScreenHeading";
import { TextField } from "../../components/TextField";
import { useFormError } from "../../components/use-form-error";
import { useI18n } from "../../i18n/context";
import { useSession } from "../../session";

const fields = ["email", "password"] as const;

export function SignInScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const { setMe } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [isSubmitting, setSubmitting] = useState(false);
  const form = useFormError(fields);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSubmitting) return;
    form.setError(null);
    setSubmitting(true);
    try {
      setMe(await api.signIn({ email: email.trim(), password }));
    } catch (error) {
      // invalid_credentials names no field on purpose (it must not say which one was wrong),
      // so it shows above the form.
      form.setError(describeError(error, i18n));
      setSubmitting(false);
    }
  }

  return (
    <section className="stack">
      <ScreenHeading titleKey="signIn.title" />
      <p className="lead">{t("signIn.intro")}</p>
      <form className="stack" noValidate onSubmit={submit} aria-busy={isSubmitting}>
        <FormAlert message={form.formError} />
        <TextField
          label={t("auth.email")}
          type="email"
          inputMode="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={form.fieldError("email")}
          inputRef={form.register("email")}
        />
        <PasswordField
          label={t("auth.password")}
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          error={form.fieldError("password")}
          inputRef={form.register("password")}
        />
        <button type="submit" className="button primary" disabled={isSubmitting}>
          {isSubmitting ? t("signIn.submitting") : t("signIn.submit")}
        </button>
      </form>
      <p>
        {t("signIn.noAccount")} <Link href="/sign-up">{t("signIn.signUpLink")}</Link>
      </p>
    </section>
  );
}
