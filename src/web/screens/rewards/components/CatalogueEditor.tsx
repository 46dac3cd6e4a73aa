import { type FormEvent, useId, useState } from "react";
import type { CatalogueReward } from "../../../../domain/api/rewards";
import { FormAlert } from "../../../components/FormAlert";
import { useI18n } from "../../../i18n/context";
import { rewardsApi } from "../api";
import { useAction } from "./use-action";

/**
 * The organization's list of rewards, kept by its admins and clinicians. A reward is taken off
 * the list rather than deleted, so past redemptions still name it.
 */
export function CatalogueEditor({
  organizationId,
  rewards,
  onChange,
}: {
  organizationId: string;
  rewards: CatalogueReward[];
  onChange: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [cost, setCost] = useState("");
  const { busy, error, setError, status, run } = useAction(onChange);

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const pointsCost = Number(cost);
    if (!Number.isInteger(pointsCost) || pointsCost < 1 || cost.trim() === "") {
      setError(t("rewards.editor.invalidCost"));
      return;
    }
    void run(async () => {
      const trimmed = description.trim();
      await rewardsApi.addReward(organizationId, {
        name,
        pointsCost,
        ...(trimmed ? { description: trimmed } : {}),
      });
      setName("");
      setDescription("");
      setCost("");
      return t("rewards.editor.added");
    });
  }

  const toggle = (reward: CatalogueReward) =>
    run(async () => {
      await rewardsApi.updateReward(organizationId, reward.id, {
        name: reward.name,
        description: reward.description,
        pointsCost: reward.pointsCost,
        active: !reward.active,
      });
      return "";
    });

  return (
    <section className="card stack" aria-labelledby={id}>
      <h3 id={id}>{t("rewards.editor.title")}</h3>
      <FormAlert message={error} />
      {rewards.length === 0 ? (
        <p className="hint">{t("rewards.editor.none")}</p>
      ) : (
        <ul className="rewards-catalogue">
          {rewards.map((reward) => (
            <li key={reward.id} className="stack tight">
              <strong>
                {reward.name} {!reward.active && t("rewards.editor.retired")}
              </strong>
              <span className="hint">
                {t("rewards.catalogue.cost", { points: reward.pointsCost })}
              </span>
              <button
                type="button"
                className="button small secondary"
                disabled={busy}
                aria-label={t(
                  reward.active ? "rewards.editor.retireLabel" : "rewards.editor.restoreLabel",
                  {
                    name: reward.name,
                  },
                )}
                onClick={() => void toggle(reward)}
              >
                {t(reward.active ? "rewards.editor.retire" : "rewards.editor.restore")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="stack" noValidate onSubmit={add} aria-busy={busy}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t("rewards.editor.name")}</label>
          <input
            id={`${id}-name`}
            type="text"
            required
            maxLength={120}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>{t("rewards.editor.description")}</label>
          <input
            id={`${id}-description`}
            type="text"
            maxLength={300}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-cost`}>{t("rewards.editor.cost")}</label>
          <input
            id={`${id}-cost`}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            required
            value={cost}
            onChange={(event) => setCost(event.target.value)}
          />
        </div>
        <button type="submit" className="button primary" disabled={busy}>
          {t("rewards.editor.add")}
        </button>
      </form>
      <p role="status">{status}</p>
    </section>
  );
}
