import { Link } from "wouter";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useI18n } from "../../i18n/context";
import { useSession } from "../../session";
import { settingsSections } from "./settings-sections";

export function SettingsScreen() {
  const { t } = useI18n();
  const { session } = useSession();
  const me = session.status === "signed-in" ? session.me : null;
  const visible = settingsSections.filter(
    (section) => !section.visibleTo || (me && section.visibleTo(me)),
  );
  return (
    <div className="stack">
      <ScreenHeading titleKey="settings.title" />
      <ul className="link-list" aria-label={t("settings.sectionsLabel")}>
        {visible.map((section) => (
          <li key={section.href}>
            <Link href={section.href}>
              <strong>{t(section.labelKey)}</strong>
              <span className="action-description">{t(section.descriptionKey)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
