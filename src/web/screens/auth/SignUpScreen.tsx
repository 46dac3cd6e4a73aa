import { useEffect, useState } from "react";
import { Link } from "wouter";
import { api } from "../../api";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useI18n } from "../../i18n/context";
import { useSession } from "../../session";
import { AccountFields, useAccountForm } from "./account-form";

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
  const account = useAccountForm("new");

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
      <form
        className="stack"
        noValidate
        onSubmit={(event) =>
          account.submit(event, async ({ email, password, displayName }) => {
            const me = await api.signUp({
              email,
              password,
              displayName: displayName || undefined,
              timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
              locale: i18n.locale,
            });
            setMe(me); // the signed-out-only guard now sends them to Today
          })
        }
        aria-busy={account.isSubmitting}
      >
        <AccountFields account={account} />
        <button type="submit" className="button primary" disabled={account.isSubmitting}>
          {account.isSubmitting ? t("signUp.submitting") : t("signUp.submit")}
        </button>
      </form>
      <p>
        {t("signUp.haveAccount")} <Link href="/sign-in">{t("signUp.signInLink")}</Link>
      </p>
    </section>
  );
}
