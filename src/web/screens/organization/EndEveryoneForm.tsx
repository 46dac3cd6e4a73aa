import { useId, useState } from "react";
import { FormAlert } from "../../components/FormAlert";
import { PasswordField } from "../../components/PasswordField";
import { usePasswordAction } from "../../components/use-password-action";
import { useI18n } from "../../i18n/context";
import { organizationApi } from "./api";

/**
 * For an emergency (a stolen laptop, a leaked backup): signs everyone of the organization out
 * of every device, keeping this session (ASVS 7.4.5). Asks first, with the admin's password.
 */
export function EndEveryoneForm({ organization }: { organization: { id: string; name: string } }) {
  const { t, tCount } = useI18n();
  const headingId = useId();
  const [isConfirming, setConfirming] = useState(false);
  const { password, setPassword, done, form, submit } = usePasswordAction(async (typed) => {
    const result = await organizationApi.endEveryone(organization.id, typed);
    setConfirming(false);
    return tCount("staff.everyone.done", result.people);
  });

  return (
    <section className="stack" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("staff.everyone.title")}</h3>
      <p>{t("staff.everyone.intro", { organization: organization.name })}</p>
      <p role="status" className="status-line">
        {done}
      </p>
      {isConfirming ? (
        <form className="stack" noValidate onSubmit={submit} aria-busy={form.isSubmitting}>
          <FormAlert message={form.formError} />
          <p className="alert">
            {t("staff.everyone.confirm", { organization: organization.name })}
          </p>
          <PasswordField
            label={t("staff.everyone.password")}
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={form.fieldError("password")}
            inputRef={form.register("password")}
          />
          <div className="staff-actions">
            <button type="submit" className="button danger" disabled={form.isSubmitting}>
              {form.isSubmitting ? t("staff.everyone.submitting") : t("staff.everyone.submit")}
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              {t("staff.everyone.cancel")}
            </button>
          </div>
        </form>
      ) : (
        <div className="staff-actions">
          <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
            {t("staff.everyone.start")}
          </button>
        </div>
      )}
    </section>
  );
}
