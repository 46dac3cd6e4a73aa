import { Link, useLocation } from "wouter";
import { useI18n } from "../i18n/context";
import { useDeviceLock } from "../lock/DeviceLockProvider";
import { isDiscreet } from "../lock/lock-store";
import { QuickExitButton } from "../lock/QuickExitButton";
import { useSession } from "../session";

/**
 * The banner on every screen, signed in or not. "Get help now" lives here so crisis help is
 * always one tap away, whatever screen someone is on (DESIGN.md §2.11); "Quick exit" sits beside
 * it for the same reason (docs/security.md, "A shared phone"). Discreet mode shows a neutral name.
 * Signed in, "Sign out" is here too (ASVS 7.4.4): a link to a small screen that signs out, so
 * its code (the offline queue check) stays out of the first load.
 */
export function Header() {
  const { t } = useI18n();
  const [location] = useLocation();
  const discreet = isDiscreet();
  const { session } = useSession();
  const { locked } = useDeviceLock();
  const canSignOut =
    session.status === "signed-in" && session.me.secondFactor.state !== "pending" && !locked;
  return (
    <header className="app-header">
      <Link
        href="/"
        className="brand"
        aria-label={t(discreet ? "protection.discreet.homeLink" : "app.homeLink")}
      >
        <img src={discreet ? "/icon-discreet.svg" : "/icon.svg"} alt="" width="28" height="28" />
        <span>{t(discreet ? "protection.discreet.appName" : "app.name")}</span>
      </Link>
      <div className="header-actions">
        <QuickExitButton />
        <Link
          href="/help"
          className="help-now"
          aria-current={location === "/help" ? "page" : undefined}
        >
          {t("header.getHelpNow")}
        </Link>
        {canSignOut && (
          <Link
            href="/sign-out"
            className="header-sign-out"
            aria-current={location === "/sign-out" ? "page" : undefined}
          >
            {t("header.signOut")}
          </Link>
        )}
      </div>
    </header>
  );
}
