import { Link, useLocation } from "wouter";
import { useI18n } from "../i18n/context";
import { isDiscreet } from "../lock/lock-store";
import { QuickExitButton } from "../lock/QuickExitButton";

/**
 * The banner on every screen, signed in or not. "Get help now" lives here so crisis help is
 * always one tap away, whatever screen someone is on (DESIGN.md §2.11); "Quick exit" sits beside
 * it for the same reason (docs/security.md, "A shared phone"). Discreet mode shows a neutral name.
 */
export function Header() {
  const { t } = useI18n();
  const [location] = useLocation();
  const discreet = isDiscreet();
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
      </div>
    </header>
  );
}
