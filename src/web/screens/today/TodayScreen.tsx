import { useId } from "react";
import { Link } from "wouter";
import { Icon } from "../../components/icons";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { quickActions } from "./quick-actions";
import { todayCards } from "./today-cards";
import { TodayProvider } from "./today-data";

export function TodayScreen() {
  const { t } = useI18n();
  const me = useMe();
  const quickActionsId = useId();
  return (
    <div className="stack">
      <ScreenHeading titleKey="today.title">
        {me.displayName ? t("today.greeting", { name: me.displayName }) : t("today.greetingNoName")}
      </ScreenHeading>
      <p className="lead">{t("today.subtitle")}</p>

      {todayCards.length === 0 ? (
        <section className="card empty-state">
          <img src="/icon.svg" alt="" width="48" height="48" />
          <h2>{t("today.emptyTitle")}</h2>
          <p>{t("today.emptyBody")}</p>
        </section>
      ) : (
        <TodayProvider>
          {todayCards.map(({ id, Card }) => (
            <Card key={id} />
          ))}
        </TodayProvider>
      )}

      <section aria-labelledby={quickActionsId}>
        <h2 id={quickActionsId}>{t("today.quickActions")}</h2>
        <ul className="quick-actions">
          {quickActions.map((action) => (
            <li key={action.href}>
              <Link href={action.href} className={action.isUrgent ? "action urgent" : "action"}>
                <Icon name={action.icon} />
                <span>
                  <strong>{t(action.labelKey)}</strong>
                  <span className="action-description">{t(action.descriptionKey)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
