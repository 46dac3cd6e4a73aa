import type { Contact } from "../../../domain/api/support";
import { Icon } from "../../components/icons";
import { useI18n } from "../../i18n/context";
import { dialable } from "./help-cache";

/** One tap to call or text someone; their preferred way comes first. */
export function ContactActions({
  contact,
}: {
  contact: Pick<Contact, "name" | "phone" | "reach">;
}) {
  const { t } = useI18n();
  if (!contact.phone) return null;
  const number = dialable(contact.phone);
  const call = (
    <a key="call" className="button call" href={`tel:${number}`}>
      <Icon name="phone" />
      {t("people.callName", { name: contact.name })}
    </a>
  );
  const text = (
    <a key="text" className="button secondary" href={`sms:${number}`}>
      <Icon name="message" />
      {t("people.textName", { name: contact.name })}
    </a>
  );
  return (
    <div className="crisis-actions">{contact.reach === "text" ? [text, call] : [call, text]}</div>
  );
}
