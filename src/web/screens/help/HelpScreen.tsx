import { useEffect, useState } from "react";
import { Link } from "wouter";
import type { CrisisResource } from "../../../domain/crisis-resources";
import { crisisResourcesFor } from "../../../domain/crisis-resources";
import { NALOXONE_CARE, NALOXONE_STEPS } from "../../../domain/naloxone";
import { Icon } from "../../components/icons";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useI18n } from "../../i18n/context";
import { isMessageKey } from "../../i18n/translate";
import { useSession } from "../../session";
import { ContactActions } from "../support/ContactActions";
import {
  clearHelpCache,
  contactsForCrisis,
  type HelpCache,
  readHelpCache,
  writeHelpCache,
} from "../support/help-cache";
import { NaloxoneExpiryNote } from "../support/NaloxoneExpiryNote";

type Line = CrisisResource & { label?: string | undefined };
const ORGANIZATION_LINES = "waymark.support.crisisLines";

// The bundled lines draw at once; the client for the person's own (and the schemas its writes
// carry) loads after, so this screen adds nothing to the first load.
const loadSupportApi = () => import("../support/api").then((module) => module.supportApi);

/**
 * Crisis lines, one tap to call. The bundled lines show first with no API call, so the screen
 * works offline and while signed out; when online, an organization's own lines for the region
 * replace them, and a signed-in member's own people and naloxone kit are added (kept on the
 * device so they show offline too).
 */
export function HelpScreen() {
  const { t, locale } = useI18n();
  const { session } = useSession();
  const messageOrEmpty = (key: string) => (isMessageKey(key) ? t(key) : "");
  // A questionnaire answer about thoughts of self-harm brings the person here at once.
  // A peer post with crisis words brings the poster here right after posting.
  const cameFrom = (window.history.state as { from?: string } | null)?.from;
  const fromAssessment = cameFrom === "assessment";
  const [lines, setLines] = useState<Line[]>(
    () => readOrganizationLines(locale) ?? crisisResourcesFor(locale),
  );
  const [mine, setMine] = useState<HelpCache | null>(() => readHelpCache());
  const memberId = session.status === "signed-in" ? session.me.id : null;

  useEffect(() => {
    if (!navigator.onLine) return;
    let isCurrent = true;
    loadSupportApi()
      .then((supportApi) => supportApi.crisisResources(locale))
      .then(
        (answer) => {
          if (!isCurrent) return;
          const next = answer.source === "organization" ? answer.resources : null;
          saveOrganizationLines(locale, next);
          setLines(next ?? crisisResourcesFor(locale));
        },
        () => undefined, // The bundled lines stay.
      );
    return () => {
      isCurrent = false;
    };
  }, [locale]);

  useEffect(() => {
    if (session.status === "signed-out") {
      clearHelpCache();
      setMine(null);
      return;
    }
    if (!memberId || !navigator.onLine) return;
    let isCurrent = true;
    // The kit is always asked for (null until the member says where it is), so one saved on
    // another device shows here too.
    loadSupportApi()
      .then((supportApi) =>
        Promise.all([supportApi.listContacts(memberId), supportApi.naloxone(memberId)]),
      )
      .then(
        ([contacts, naloxone]) => {
          if (isCurrent) setMine(writeHelpCache({ memberId, contacts, naloxone }));
        },
        () => undefined, // What was kept on this device stays.
      );
    return () => {
      isCurrent = false;
    };
  }, [memberId, session.status]);

  // Someone else's people never show: the kept copy must belong to whoever is signed in.
  const own =
    mine && (memberId ? mine.memberId === memberId : session.status !== "signed-out") ? mine : null;
  const people = own ? contactsForCrisis(own.contacts).filter((contact) => contact.phone) : [];

  return (
    <div className="stack">
      <ScreenHeading titleKey="help.title" />
      {fromAssessment && (
        <p className="card" role="status">
          {t("help.fromAssessment")}
        </p>
      )}
      {cameFrom === "peer-post" && (
        <div className="card stack" role="status">
          <p>{t("help.fromPeerPost")}</p>
          <Link href="/peer-group">{t("help.backToGroup")}</Link>
        </div>
      )}
      <p className="lead">{t("help.intro")}</p>
      <p className="danger-note">{t("help.danger")}</p>

      <h2>{t("help.linesHeading")}</h2>
      <ul className="crisis-lines">
        {lines.map((resource) => (
          <li key={resource.id} className="card">
            <h3>{messageOrEmpty(`${resource.messageKey}.name`) || resource.label}</h3>
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

      {own && (
        <section className="stack" aria-labelledby="help-my-people">
          <h2 id="help-my-people">{t("help.myPeople")}</h2>
          {people.length === 0 ? (
            <p className="hint">
              {t("help.noPeople")} <Link href="/people">{t("help.addPeople")}</Link>
            </p>
          ) : (
            <ul className="crisis-lines">
              {people.map((contact) => (
                <li key={contact.id} className="card">
                  <h3>{contact.name}</h3>
                  <p>{t(`people.role.${contact.role}`)}</p>
                  <ContactActions contact={contact} />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <section className="stack naloxone" aria-labelledby="help-naloxone">
        <h2 id="help-naloxone">{t("help.naloxoneHeading")}</h2>
        <ol className="naloxone-steps">
          {NALOXONE_STEPS.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ol>
        {own?.naloxone && (
          <div className="card stack tight">
            <h3>{t("help.myNaloxone")}</h3>
            <p>{own.naloxone.location}</p>
            <NaloxoneExpiryNote naloxone={own.naloxone} />
          </div>
        )}
        <ul className="naloxone-care">
          {NALOXONE_CARE.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
        {memberId && (
          <Link href="/people/naloxone">
            {t(own?.naloxone ? "help.editNaloxone" : "help.addNaloxone")}
          </Link>
        )}
      </section>
      <p className="hint">{t("help.offlineNote")}</p>
    </div>
  );
}

function readOrganizationLines(locale: string): Line[] | null {
  try {
    const raw = localStorage.getItem(`${ORGANIZATION_LINES}.${locale}`);
    const lines = raw ? (JSON.parse(raw) as Line[]) : null;
    return Array.isArray(lines) && lines.length > 0 ? lines : null;
  } catch {
    return null;
  }
}

function saveOrganizationLines(locale: string, lines: Line[] | null): void {
  try {
    const key = `${ORGANIZATION_LINES}.${locale}`;
    if (lines) localStorage.setItem(key, JSON.stringify(lines));
    else localStorage.removeItem(key);
  } catch {
    // The bundled lines are always there.
  }
}
