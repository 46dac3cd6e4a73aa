import { useLayoutEffect, useRef, useState } from "react";
import type { PeerMembership } from "../../../domain/api/peer-group";
import { PEER_RULES_VERSION } from "../../../domain/peer-group/channels";
import { PEER_RULES } from "../../../domain/peer-group/rules";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { useI18n } from "../../i18n/context";
import { peerGroupApi } from "./api";

/** The first-time notice: the group's rules, and that everyone in the group sees each post. */
export function RulesNotice({ onAccepted }: { onAccepted: (membership: PeerMembership) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const heading = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState<string>();
  const [isSaving, setSaving] = useState(false);

  // The notice replaces the join form: reading starts at its heading.
  useLayoutEffect(() => heading.current?.focus(), []);

  async function accept() {
    setSaving(true);
    setError(undefined);
    try {
      onAccepted(await peerGroupApi.acknowledgeRules(PEER_RULES_VERSION));
    } catch (failure) {
      setError(describeError(failure, i18n).message);
      setSaving(false);
    }
  }

  return (
    <section className="card stack rules-notice" aria-labelledby="peer-rules">
      <h2 id="peer-rules" ref={heading} tabIndex={-1}>
        {t("peerGroup.rules.heading")}
      </h2>
      <p>{t("peerGroup.rules.intro")}</p>
      <ul>
        {PEER_RULES.map((rule) => (
          <li key={rule}>{t(`peerGroup.rules.${rule}`)}</li>
        ))}
      </ul>
      <FormAlert message={error} />
      <button type="button" className="button primary" onClick={accept} disabled={isSaving}>
        {t("peerGroup.rules.accept")}
      </button>
    </section>
  );
}
