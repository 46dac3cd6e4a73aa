import { type FormEvent, useState } from "react";
import { Redirect } from "wouter";
import { emailSchema } from "../../../domain/api/auth";
import { PASSWORD_MIN_LENGTH, passwordLength } from "../../../domain/password-policy";
import { ApiError, api } from "../../api";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { PasswordField } from "../../components/PasswordField";
import { ScreenHeading } from "../../components/ScreenHeading";
import { TextField } from "../../components/TextField";
import { useFormError } from "../../components/use-form-error";
import { useI18n } from "../../i18n/context";
import { useSession } from "../../session";

const fields = ["email", "password", "displayName"] as const;

/** Staff and supporters join through an invite link an admin or member sent them. */
export function AcceptInviteScreen({ token }: { token: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { setMe } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [isSubmitting, setSubmitting] = useState(false);
  const [isAccepted, setAccepted] = useState(false);
  const form = useFormError(fields);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSubmitting) return;
    form.setError(null);
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
      const me = await api.acceptInvite({
        token,
        email: email.trim(),
        password,
        displayName: displayName.trim() || undefined,
      });
      // Both updates land in one render, so Today never sees a signed-out session.
      setMe(me);
      setAccepted(true);
    } catch (error) {
      form.setError(describeError(error, i18n));
      setSubmitting(false);
    }
  }

  if (isAccepted) return <Redirect to="/" replace />;

  return (
    <section className="stack">
      <ScreenHeading titleKey="invite.title" />
      <p className="lead">{t("invite.intro")}</p>
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
          {isSubmitting ? t("invite.submitting") : t("invite.submit")}
        </button>
      </form>
    </section>
  );
}
