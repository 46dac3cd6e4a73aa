import { Link, useLocation } from "wouter";
import { useI18n } from "../i18n/context";

/**
 * The banner on every screen, signed in or not. "Get help now" lives here so crisis help is
 * always one tap away, whatever screen someone is on (DESIGN.md §2.11).
 */
export function Header() {
  const { t } = useI18n();
  const [location] = useLocation();
  return (
    <header className="app-header">
      <Link href="/" className="brand" aria-label={t("app.homeLink")}>
        <img src="/icon.svg" alt="" width="28" height="28" />
        <span>{t("app.name")}</span>
      </Link>
      <Link
        href="/help"
        className="help-now"
        aria-current={location === "/help" ? "page" : undefined}
      >
        {t("header.getHelpNow")}
      </Link>
    </header>
  );
}
