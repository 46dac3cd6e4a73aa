import { useState } from "react";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { useI18n } from "../../i18n/context";
import { peerGroupApi } from "./api";

/** Leaving removes the member's words (docs/security.md says why); it asks once more first. */
export function LeaveGroup({ onLeft }: { onLeft: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [isConfirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();

  async function leave() {
    try {
      await peerGroupApi.leave();
      onLeft();
    } catch (failure) {
      setError(describeError(failure, i18n).message);
    }
  }

  return (
    <section className="stack leave-group" aria-labelledby="peer-leave">
      <h2 id="peer-leave">{t("peerGroup.leave.heading")}</h2>
      <p>{t("peerGroup.leave.body")}</p>
      <FormAlert message={error} />
      {isConfirming ? (
        <div className="actions-row">
          <button type="button" className="button danger" onClick={leave}>
            {t("peerGroup.leave.confirm")}
          </button>
          <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
            {t("peerGroup.leave.cancel")}
          </button>
        </div>
      ) : (
        <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
          {t("peerGroup.leave.button")}
        </button>
      )}
    </section>
  );
}
