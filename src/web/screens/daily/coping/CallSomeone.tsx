import { useEffect, useState } from "react";
import { Link } from "wouter";
import { crisisResourcesFor } from "../../../../domain/crisis-resources";
import { Icon } from "../../../components/icons";
import { useI18n } from "../../../i18n/context";
import { isMessageKey } from "../../../i18n/translate";
import { useSession } from "../../../session";
import { AskForSupport } from "../../care/AskForSupport";
import { supportApi } from "../../support/api";
import { ContactActions } from "../../support/ContactActions";
import {
  contactsForCrisis,
  type HelpCache,
  readHelpCache,
  writeHelpCache,
} from "../../support/help-cache";

// For a craving: the lines that talk it through. Emergency numbers stay on the help screen.
const FOR_A_CRAVING = new Set(["988", "samhsa"]);

/** Call someone: the person's own support people first (one tap), then the support lines. */
export function CallSomeone({ onDone }: { onDone: () => void }) {
  const { t, locale } = useI18n();
  const { session } = useSession();
  const memberId = session.status === "signed-in" ? session.me.id : null;
  const [kept, setKept] = useState<HelpCache | null>(() => readHelpCache());
  useEffect(() => {
    if (!memberId || !navigator.onLine) return;
    let isCurrent = true;
    supportApi.listContacts(memberId).then(
      (contacts) => isCurrent && setKept(writeHelpCache({ memberId, contacts })),
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [memberId]);
  const people =
    kept && kept.memberId === memberId
      ? contactsForCrisis(kept.contacts).filter((contact) => contact.phone)
      : [];
  const lines = crisisResourcesFor(locale).filter((resource) => FOR_A_CRAVING.has(resource.id));
  const text = (key: string) => (isMessageKey(key) ? t(key) : "");
  return (
    <div className="stack">
      <p>{t("coping.call.intro")}</p>
      {people.length > 0 && (
        <ul className="crisis-lines" aria-label={t("help.myPeople")}>
          {people.map((contact) => (
            <li key={contact.id} className="card">
              <h2>{contact.name}</h2>
              <p>{t(`people.role.${contact.role}`)}</p>
              <ContactActions contact={contact} />
            </li>
          ))}
        </ul>
      )}
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
      {memberId && (
        <section className="card stack tight" aria-labelledby="ask-support">
          <h2 id="ask-support">{t("care.ask.title")}</h2>
          {/* Each person is one tap away in the list above; no second picker here. */}
          <AskForSupport reachOut={false} />
        </section>
      )}
      {people.length === 0 && (
        <p className="hint">
          {t("help.noPeopleCraving")} <Link href="/people">{t("help.addPeople")}</Link>
        </p>
      )}
      <button type="button" className="button primary" onClick={onDone}>
        {t("coping.done")}
      </button>
    </div>
  );
}
