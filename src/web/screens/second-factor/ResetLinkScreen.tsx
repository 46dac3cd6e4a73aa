import { type FormEvent, useState } from "react";
import type { ResetLink } from "../../../domain/api/account-recovery";
import { FormAlert } from "../../components/FormAlert";
import { ScreenHeading } from "../../components/ScreenHeading";
import { TextField } from "../../components/TextField";
import { useFormSubmit } from "../../components/use-form-submit";
import { useI18n } from "../../i18n/context";
import { secondFactorApi } from "./api";
import { EndSessionsForm } from "./EndSessionsForm";

const fields = ["email"] as const;

/** Admins make a single-use, 30-minute reset link to hand over in person; nothing is emailed. */
export function ResetLinkScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const [email, setEmail] = useState("");
  const [removeSecondFactor, setRemoveSecondFactor] = useState(false);
  const [link, setLink] = useState<ResetLink | null>(null);
  const form = useFormSubmit(fields);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void form.send(async () => {
      setLink(await secondFactorApi.createResetLink({ email: email.trim(), removeSecondFactor }));
    });
  }

  return (
    <section className="stack">
      <ScreenHeading titleKey="resetLink.title" />
      <p className="lead">{t("resetLink.intro")}</p>
      <form className="stack" noValidate onSubmit={submit} aria-busy={form.isSubmitting}>
        <FormAlert message={form.formError} />
        <TextField
          label={t("resetLink.email")}
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
        <label className="choice">
          <input
            type="checkbox"
            checked={removeSecondFactor}
            onChange={(event) => setRemoveSecondFactor(event.target.checked)}
          />
          <span>{t("resetLink.removeSecondFactor")}</span>
        </label>
        <button type="submit" className="button primary" disabled={form.isSubmitting}>
          {form.isSubmitting ? t("resetLink.creating") : t("resetLink.create")}
        </button>
      </form>
      {link && (
        <div className="card stack" role="status">
          <p>
            {t("resetLink.ready", {
              time: new Date(link.expiresAt).toLocaleTimeString(i18n.locale, {
                hour: "numeric",
                minute: "2-digit",
              }),
            })}
          </p>
          <label htmlFor="reset-url">{t("resetLink.link")}</label>
          <input
            id="reset-url"
            readOnly
            value={link.url}
            onFocus={(event) => event.target.select()}
          />
        </div>
      )}
      <EndSessionsForm />
    </section>
  );
}
