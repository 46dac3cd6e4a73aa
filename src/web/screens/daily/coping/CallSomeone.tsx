import { crisisResourcesFor } from "../../../../domain/crisis-resources";
import { Icon } from "../../../components/icons";
import { useI18n } from "../../../i18n/context";
import { isMessageKey } from "../../../i18n/translate";

// For a craving: the lines that talk it through. Emergency numbers stay on the help screen.
const FOR_A_CRAVING = new Set(["988", "samhsa"]);

/** Call someone: the support lines now; the person's own support people arrive with issue 8. */
export function CallSomeone({ onDone }: { onDone: () => void }) {
  const { t, locale } = useI18n();
  const lines = crisisResourcesFor(locale).filter((resource) => FOR_A_CRAVING.has(resource.id));
  const text = (key: string) => (isMessageKey(key) ? t(key) : "");
  return (
    <div className="stack">
      <p>{t("coping.call.intro")}</p>
      <ul className="crisis-lines">
        {lines.map((resource) => (
          <li key={resource.id} className="card">
            <h2>{text(`${resource.messageKey}.name`)}</h2>
            <p>{text(`${resource.messageKey}.description`)}</p>
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
      <p className="hint">{t("coping.call.supportPeopleLater")}</p>
      <button type="button" className="button primary" onClick={onDone}>
        {t("coping.done")}
      </button>
    </div>
  );
}
