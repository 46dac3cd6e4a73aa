import { useState } from "react";
import { Redirect } from "wouter";
import { api } from "../../api";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useI18n } from "../../i18n/context";
import { useSession } from "../../session";
import { AccountFields, useAccountForm } from "./account-form";

/** Staff and supporters join through an invite link an admin or member sent them. */
export function AcceptInviteScreen({ token }: { token: string }) {
  const { t } = useI18n();
  const { setMe } = useSession();
  const [isAccepted, setAccepted] = useState(false);
  const account = useAccountForm("new");

  if (isAccepted) return <Redirect to="/" replace />;

  return (
    <section className="stack">
      <ScreenHeading titleKey="invite.title" />
      <p className="lead">{t("invite.intro")}</p>
      <form
        className="stack"
        noValidate
        onSubmit={(event) =>
          account.submit(event, async ({ email, password, displayName }) => {
            const me = await api.acceptInvite({
              token,
              email,
              password,
              displayName: displayName || undefined,
            });
            // Both updates land in one render, so Today never sees a signed-out session.
            setMe(me);
            setAccepted(true);
          })
        }
        aria-busy={account.isSubmitting}
      >
        <AccountFields account={account} />
        <button type="submit" className="button primary" disabled={account.isSubmitting}>
          {account.isSubmitting ? t("invite.submitting") : t("invite.submit")}
        </button>
      </form>
    </section>
  );
}
