import { crisisResourcesFor } from "../../../domain/crisis-resources";
import { Icon } from "../../components/icons";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useI18n } from "../../i18n/context";
import { isMessageKey } from "../../i18n/translate";

/**
 * Crisis lines, one tap to call. Everything here is bundled with the app, no API call, so the
 * screen works offline and while signed out.
 */
export function HelpScreen() {
  const { t, locale } = useI18n();
  const messageOrEmpty = (key: string) => (isMessageKey(key) ? t(key) : "");
  // A questionnaire answer about thoughts of self-harm brings the person here at once.
  const fromAssessment = (window.history.state as { from?: string } | null)?.from === "assessment";
  return (
    <div className="stack">
      <ScreenHeading titleKey="help.title" />
      {fromAssessment && (
        <p className="card" role="status">
          {t("help.fromAssessment")}
        </p>
      )}
      <p className="lead">{t("help.intro")}</p>
      <p className="danger-note">{t("help.danger")}</p>

      <h2>{t("help.linesHeading")}</h2>
      <ul className="crisis-lines">
        {crisisResourcesFor(locale).map((resource) => (
          <li key={resource.id} className="card">
            <h3>{messageOrEmpty(`${resource.messageKey}.name`)}</h3>
            <p>{messageOrEmpty(`${resource.messageKey}.description`)}</p>
            <div className="crisis-actions">
              <a className="button call" href={`tel:${resource.tel}`}>
                <Icon name="phone" />
                {t("help.call", { number: resource.display })}
              </a>
              {resource.sms && (
                <a className="button secondary" href={`sms:${resource.sms}`}>
                  <Icon name="message" />
                  {t("help.text", { number: resource.sms })}
                </a>
              )}
            </div>
          </li>
        ))}
      </ul>
      <p className="hint">{t("help.offlineNote")}</p>
    </div>
  );
}
