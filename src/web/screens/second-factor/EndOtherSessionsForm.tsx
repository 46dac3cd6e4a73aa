import { useId } from "react";
import { api } from "../../api";
import { FormAlert } from "../../components/FormAlert";
import { PasswordField } from "../../components/PasswordField";
import { usePasswordAction } from "../../components/use-password-action";
import { useI18n } from "../../i18n/context";

/**
 * Signs out every device but this one, with the password (ASVS 7.4.3, 7.5.2): offered right
 * after a factor is added, and on the signed-in devices screen.
 */
export function EndOtherSessionsForm({ onEnded }: { onEnded?: (ended: number) => void }) {
  const { t, tCount } = useI18n();
  const headingId = useId();
  const { password, setPassword, done, form, submit } = usePasswordAction(async (typed) => {
    const { ended } = await api.endOtherSessions(typed);
    onEnded?.(ended);
    return tCount("otherSessions.done", ended);
  });

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("otherSessions.title")}</h2>
      <p>{t("otherSessions.intro")}</p>
      <p role="status" className="status-line">
        {done}
      </p>
      <form className="stack" noValidate onSubmit={submit} aria-busy={form.isSubmitting}>
        <FormAlert message={form.formError} />
        <PasswordField
          label={t("otherSessions.password")}
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={form.fieldError("password")}
          inputRef={form.register("password")}
        />
        <button type="submit" className="button secondary" disabled={form.isSubmitting}>
          {form.isSubmitting ? t("otherSessions.submitting") : t("otherSessions.submit")}
        </button>
      </form>
    </section>
  );
}
