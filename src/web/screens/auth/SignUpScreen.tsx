import { type FormEvent, useEffect, useState } from "react";
import { Link } from "wouter";
import { emailSchema } from "../../../domain/api/auth";
import { PASSWORD_MIN_LENGTH, passwordLength } from "../../../domain/password-policy";
import { ApiError, api } from "../../api";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { Loading } from "../../components/Loading";
import { PasswordField } from "../../components/PasswordField";
import { ScreenHeading } from "../../components/ScreenHeading";
import { TextField } from "../../components/TextField";
import { useFormError } from "../../components/use-form-error";
import { useI18n } from "../../i18n/context";
import { useSession } from "../../session";

const fields = ["email", "password", "displayName"] as const;

/** Sign-up may be closed on an instance a clinic runs; ask before showing the form. */
function useSignUpOpen(): boolean | undefined {
  const [isOpen, setOpen] = useState<boolean>();
  useEffect(() => {
    // If the server cannot be asked, show the form; submitting will explain what is wrong.
    api.config().then(
      (config) => setOpen(config.signUpOpen),
      () => setOpen(true),
    );
  }, []);
  return isOpen;
}

export function SignUpScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const { setMe } = useSession();
  const isOpen = useSignUpOpen();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [isSubmitting, setSubmitting] = useState(false);
  const form = useFormError(fields);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSubmitting) return;
    form.setError(null);
    // Checked here in form order (email, then password), so the first problem is shown first.
    if (!emailSchema.safeParse(email.trim()).success) {
      form.setError(describeError(new ApiError(400, "validation_error", "", "email"), i18n));
      return;
    }
    if (passwordLength(password) < PASSWORD_MIN_LENGTH) {
      form.setError(describeError(new ApiError(400, "password_too_short", ""), i18n));
      return;
    }
    setSubmitting(true);
    try {
      const me = await api.signUp({
        email: email.trim(),
        password,
        displayName: displayName.trim() || undefined,
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        locale: i18n.locale,
      });
      setMe(me); // the signed-out-only guard now sends them to Today
    } catch (error) {
      form.setError(describeError(error, i18n));
      setSubmitting(false);
    }
  }

  if (isOpen === undefined) return <Loading />;

  if (!isOpen) {
    return (
      <section className="stack">
        <ScreenHeading titleKey="signUp.closedTitle" />
        <p>{t("signUp.closedBody")}</p>
        <p>
          {t("signUp.haveAccount")} <Link href="/sign-in">{t("signUp.signInLink")}</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="stack">
      <ScreenHeading titleKey="signUp.title" />
      <p className="lead">{t("signUp.intro")}</p>
      <form className="stack" noValidate onSubmit={submit} aria-busy={isSubmitting}>
        <FormAlert message={form.formError} />
        <TextField
          label={t("auth.email")}
          type="email"
          inputMode="email"
          autoComplete="email"
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
          autoComplete="new-password"
          isNew
          error={form.fieldError("password")}
          inputRef={form.register("password")}
        />
        <TextField
          label={t("auth.displayName")}
          hint={t("auth.displayNameHint")}
          autoComplete="nickname"
          maxLength={80}
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          error={form.fieldError("displayName")}
          inputRef={form.register("displayName")}
        />
        <button type="submit" className="button primary" disabled={isSubmitting}>
          {isSubmitting ? t("signUp.submitting") : t("signUp.submit")}
        </button>
      </form>
      <p>
        {t("signUp.haveAccount")} <Link href="/sign-in">{t("signUp.signInLink")}</Link>
      </p>
    </section>
  );
}
