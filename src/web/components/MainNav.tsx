import { Link, useLocation } from "wouter";
import { useI18n } from "../i18n/context";
import { useSession } from "../session";
import { Icon } from "./icons";
import { navEntries } from "./nav-entries";

/** Bottom bar on phones (thumb reach), a row under the header on wider screens (CSS). */
export function MainNav() {
  const { t } = useI18n();
  const [location] = useLocation();
  const { session } = useSession();
  const me = session.status === "signed-in" ? session.me : null;
  const visible = navEntries.filter((entry) => !entry.visibleTo || (me && entry.visibleTo(me)));
  return (
    <nav className="main-nav" aria-label={t("nav.label")}>
      <ul>
        {visible.map((entry) => (
          <li key={entry.href}>
            <Link href={entry.href} aria-current={entry.isActive(location) ? "page" : undefined}>
              <Icon name={entry.icon} />
              <span>{t(entry.labelKey)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
