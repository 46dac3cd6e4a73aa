import { useEffect, useId, useState } from "react";
import { Link } from "wouter";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { supportApi } from "./api";
import { ContactActions } from "./ContactActions";
import { contactsForCrisis, type HelpCache, readHelpCache, writeHelpCache } from "./help-cache";

const CHOSEN_KEY = "waymark.support.reach-person";

/**
 * Beside "Let my supporters know": one tap to call or text one person the member chose from
 * their own people. Works offline from the help cache; the choice is remembered on this device,
 * so next time the person they lean on is already there.
 */
export function ReachOnePerson() {
  const { t } = useI18n();
  const me = useMe();
  const id = useId();
  const [kept, setKept] = useState<HelpCache | null>(() => readHelpCache());
  useEffect(() => {
    if (!navigator.onLine) return;
    let isCurrent = true;
    supportApi.listContacts(me.id).then(
      (contacts) => isCurrent && setKept(writeHelpCache({ memberId: me.id, contacts })),
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [me.id]);
  const people =
    kept && kept.memberId === me.id
      ? contactsForCrisis(kept.contacts).filter((contact) => contact.phone)
      : [];
  const [chosenId, setChosenId] = useState<string | null>(() => readChosen());
  const chosen = people.find((person) => person.id === chosenId) ?? people[0];

  if (!chosen) {
    return (
      <p className="hint">
        {t("people.reach.none")} <Link href="/people">{t("help.addPeople")}</Link>
      </p>
    );
  }
  return (
    <div className="stack tight">
      <p>{t("people.reach.title")}</p>
      {people.length > 1 && (
        <div className="field">
          <label htmlFor={`${id}-who`}>{t("people.reach.who")}</label>
          <select
            id={`${id}-who`}
            value={chosen.id}
            onChange={(event) => {
              setChosenId(event.target.value);
              writeChosen(event.target.value);
            }}
          >
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name} · {t(`people.role.${person.role}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <ContactActions contact={chosen} />
    </div>
  );
}

function readChosen(): string | null {
  try {
    return localStorage.getItem(CHOSEN_KEY);
  } catch {
    return null;
  }
}

function writeChosen(contactId: string): void {
  try {
    localStorage.setItem(CHOSEN_KEY, contactId);
  } catch {
    // Private mode: the first person in the list is offered next time.
  }
}
