import { Link } from "wouter";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useI18n } from "../../i18n/context";
import { SignOutButton } from "./SignOutButton";

/** Where the header's "Sign out" leads (ASVS 7.4.4): one more tap, or back where they were. */
export function SignOutScreen() {
  const { t } = useI18n();
  return (
    <section className="stack">
      <ScreenHeading titleKey="signOut.title" />
      <p className="lead">{t("signOut.intro")}</p>
      <SignOutButton />
      <p>
        <Link href="/">{t("signOut.stay")}</Link>
      </p>
      <p>
        <Link href="/settings/sessions">{t("signOut.otherDevices")}</Link>
      </p>
    </section>
  );
}
