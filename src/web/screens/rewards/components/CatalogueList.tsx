import { useId, useRef, useState } from "react";
import type { CatalogueReward, LedgerLine } from "../../../../domain/api/rewards";
import { idempotencyKey } from "../../../api";
import { describeError } from "../../../components/api-error";
import { FormAlert } from "../../../components/FormAlert";
import { useI18n } from "../../../i18n/context";
import { rewardsApi } from "../api";

/**
 * The clinic's rewards with a Redeem button each. A redemption can be taken back at once
 * ("Undo"), which adds a line giving the points back; the ledger never loses a line.
 */
export function CatalogueList({
  memberId,
  rewards,
  balance,
  onChange,
}: {
  memberId: string;
  rewards: CatalogueReward[];
  balance: number;
  onChange: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [redeemed, setRedeemed] = useState<LedgerLine | null>(null);
  const [status, setStatus] = useState("");
  // One key per tap: a retry after a lost answer is the same redemption, not a second one.
  const key = useRef(idempotencyKey());

  async function redeem(reward: CatalogueReward) {
    if (busy) return;
    setBusy(reward.id);
    setError(undefined);
    try {
      const line = await rewardsApi.redeem(memberId, reward.id, key.current);
      key.current = idempotencyKey();
      setRedeemed(line);
      setStatus(t("rewards.redeemed", { name: reward.name }));
      onChange();
    } catch (caught) {
      setError(describeError(caught, i18n).message);
    } finally {
      setBusy(null);
    }
  }

  async function undo(line: LedgerLine) {
    if (busy) return;
    setBusy(line.id);
    setError(undefined);
    try {
      await rewardsApi.undoRedemption(memberId, line.id, idempotencyKey());
      setRedeemed(null);
      setStatus(t("rewards.undone", { points: Math.abs(line.points) }));
      onChange();
    } catch (caught) {
      setError(describeError(caught, i18n).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{t("rewards.catalogue.title")}</h2>
      <FormAlert message={error} />
      {/* Always in the page, so screen readers announce the words when they appear. */}
      <div className="rewards-status" role="status">
        {status && <p>{status}</p>}
        {redeemed && (
          <button
            type="button"
            className="button secondary"
            disabled={busy !== null}
            aria-label={t("rewards.undoLabel", { name: redeemed.rewardName ?? "" })}
            onClick={() => void undo(redeemed)}
          >
            {t("rewards.undo")}
          </button>
        )}
      </div>
      {rewards.length === 0 ? (
        <p className="hint">{t("rewards.catalogue.none")}</p>
      ) : (
        <ul className="rewards-catalogue">
          {rewards.map((reward) => {
            const short = reward.pointsCost - balance;
            return (
              <li key={reward.id} className="stack tight">
                <strong>{reward.name}</strong>
                {reward.description && <span>{reward.description}</span>}
                <span className="hint">
                  {t("rewards.catalogue.cost", { points: reward.pointsCost })}
                  {short > 0 && ` · ${t("rewards.catalogue.needMore", { points: short })}`}
                </span>
                <button
                  type="button"
                  className="button primary"
                  disabled={short > 0 || busy !== null}
                  aria-label={t("rewards.catalogue.redeemLabel", {
                    name: reward.name,
                    points: reward.pointsCost,
                  })}
                  onClick={() => void redeem(reward)}
                >
                  {busy === reward.id
                    ? t("rewards.catalogue.redeeming")
                    : t("rewards.catalogue.redeem")}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
