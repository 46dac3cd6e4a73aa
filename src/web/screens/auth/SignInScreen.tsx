import { Link } from "wouter";
import { api } from "../../api";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useI18n } from "../../i18n/context";
import { useSession } from "../../session";
import { AccountFields, useAccountForm } from "./account-form";

export function SignInScreen() {
  const { t } = useI18n();
  const { setMe } = useSession();
  const account = useAccountForm("existing");

  return (
    <section className="stack">
      <ScreenHeading titleKey="signIn.title" />
      <p className="lead">{t("signIn.intro")}</p>
      <form
        className="stack"
        noValidate
        onSubmit={(event) =>
          account.submit(event, async ({ email, password }) =>
            setMe(await api.signIn({ email, password })),
          )
        }
        aria-busy={account.isSubmitting}
      >
        <AccountFields account={account} />
        <button type="submit" className="button primary" disabled={account.isSubmitting}>
          {account.isSubmitting ? t("signIn.submitting") : t("signIn.submit")}
        </button>
      </form>
      <p>
        <Link href="/recover">{t("recover.link")}</Link>
      </p>
      <p>
        {t("signIn.noAccount")} <Link href="/sign-up">{t("signIn.signUpLink")}</Link>
      </p>
    </section>
  );
}
