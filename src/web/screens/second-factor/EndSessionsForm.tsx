import { type FormEvent, useId, useState } from "react";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { TextField } from "../../components/TextField";
import { useFormError } from "../../components/use-form-error";
import { useI18n } from "../../i18n/context";
import { secondFactorApi } from "./api";

const fields = ["email"] as const;

/** Admins sign someone out of every device (a lost phone, a colleague who left). */
export function EndSessionsForm() {
  const i18n = useI18n();
  const { t } = i18n;
  const headingId = useId();
  const [email, setEmail] = useState("");
  const [doneFor, setDoneFor] = useState<string | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);
  const form = useFormError(fields);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSubmitting) return;
    form.setError(null);
    setDoneFor(null);
    setSubmitting(true);
    try {
      await secondFactorApi.endSessions(email.trim());
      setDoneFor(email.trim());
      setEmail("");
    } catch (error) {
      form.setError(describeError(error, i18n));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("endSessions.title")}</h2>
      <p>{t("endSessions.intro")}</p>
      <form className="stack" noValidate onSubmit={submit} aria-busy={isSubmitting}>
        <FormAlert message={form.formError} />
        <TextField
          label={t("endSessions.email")}
          type="email"
          inputMode="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={form.fieldError("email")}
          inputRef={form.register("email")}
        />
        <button type="submit" className="button secondary" disabled={isSubmitting}>
          {isSubmitting ? t("endSessions.submitting") : t("endSessions.submit")}
        </button>
      </form>
      {doneFor && <p role="status">{t("endSessions.done", { email: doneFor })}</p>}
    </section>
  );
}
