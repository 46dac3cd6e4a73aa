import { useId, useState } from "react";
import { Link } from "wouter";
import type { Consent } from "../../../domain/api/care";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { FormAlert } from "../../components/FormAlert";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useLoad } from "../../components/use-load";
import { type I18n, useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { careApi } from "./api";
import { OwnRecords } from "./components/OwnRecords";
import { isMember } from "./roles";
import { ShareForm } from "./ShareForm";
import { categoryLabel } from "./words";

/** The member's consents: who sees what and until when, revoke, share anew, and the log. */
export function SharingScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const listId = useId();
  const me = useMe();
  const { state, reload } = useLoad(() => careApi.listConsents(), []);
  const [announcement, setAnnouncement] = useState<string | null>(null);

  return (
    <div className="stack care">
      <ScreenHeading titleKey="care.sharing.title" />
      <p className="lead">{t("care.sharing.intro")}</p>
      <ul className="link-list">
        <li>
          <Link href="/settings/sharing/log">{t("care.sharing.logLink")}</Link>
        </li>
        <li>
          <Link href="/care-team">{t("care.sharing.teamLink")}</Link>
        </li>
      </ul>
      <section className="stack" aria-labelledby={listId}>
        <h2 id={listId}>{t("care.sharing.given")}</h2>
        {announcement && (
          <p className="care-done" role="status">
            {announcement}
          </p>
        )}
        {state.status === "loading" && <Loading />}
        {state.status === "failed" && (
          <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
        )}
        {state.status === "loaded" &&
          (state.value.given.length === 0 ? (
            <p>{t("care.sharing.none")}</p>
          ) : (
            <ul className="care-list">
              {state.value.given.map((consent) => (
                <li key={consent.id}>
                  <ConsentCard
                    consent={consent}
                    onRevoked={(revoked) => {
                      setAnnouncement(t("care.sharing.revoked", { name: recipientName(revoked) }));
                      reload();
                    }}
                  />
                </li>
              ))}
            </ul>
          ))}
      </section>
      {isMember(me) && <OwnRecords memberId={me.id} />}
      <ShareForm onShared={() => reload()} />
    </div>
  );
}

function recipientName(consent: Consent): string {
  return consent.recipient.displayName ?? consent.recipient.email;
}

function ConsentCard({
  consent,
  onRevoked,
}: {
  consent: Consent;
  onRevoked: (consent: Consent) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const name = recipientName(consent);

  async function revoke() {
    setBusy(true);
    setError(undefined);
    try {
      onRevoked(await careApi.revokeConsent(consent.id));
    } catch (caught) {
      setError(describeError(caught, i18n).message);
      setBusy(false);
    }
  }

  return (
    <article className="card stack care-consent" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {name}{" "}
        <span className={`care-status ${consent.status}`}>
          {t(`care.sharing.status.${consent.status}`)}
        </span>
      </h3>
      {consent.recipient.displayName && <p className="hint">{consent.recipient.email}</p>}
      <p>{t("care.sharing.purpose", { purpose: consent.purpose })}</p>
      <ul className="care-categories">
        {consent.categories.map((category) => (
          <li key={category}>{categoryLabel(category, i18n)}</li>
        ))}
      </ul>
      <p>{endWords(consent, i18n)}</p>
      {consent.signature && (
        <p className="hint">
          {t("care.sharing.signed", {
            name: consent.signature.typedName,
            date: i18n.formatDateTime(consent.signature.signedAt),
          })}
        </p>
      )}
      <FormAlert message={error} />
      {consent.status === "active" &&
        (confirming ? (
          <fieldset className="stack">
            <legend>{t("care.sharing.revokeConfirm", { name })}</legend>
            <div className="care-actions">
              <button type="button" className="button danger" disabled={busy} onClick={revoke}>
                {t("care.sharing.revokeYes")}
              </button>
              <button
                type="button"
                className="button secondary"
                disabled={busy}
                onClick={() => setConfirming(false)}
              >
                {t("care.sharing.revokeNo")}
              </button>
            </div>
          </fieldset>
        ) : (
          <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
            {t("care.sharing.revoke")}
          </button>
        ))}
    </article>
  );
}

function endWords(consent: Consent, i18n: I18n): string {
  if (consent.expiresAt) {
    return i18n.t("care.sharing.until", {
      date: new Date(consent.expiresAt).toLocaleDateString(i18n.locale, { dateStyle: "medium" }),
    });
  }
  return i18n.t("care.sharing.untilEvent", { event: consent.expiryEvent ?? "—" });
}
