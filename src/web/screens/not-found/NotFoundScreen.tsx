import { Link } from "wouter";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useI18n } from "../../i18n/context";

export function NotFoundScreen() {
  const { t } = useI18n();
  return (
    <div className="stack">
      <ScreenHeading titleKey="notFound.title" />
      <p>{t("notFound.body")}</p>
      <p>
        <Link href="/" className="button secondary">
          {t("notFound.home")}
        </Link>
      </p>
    </div>
  );
}
