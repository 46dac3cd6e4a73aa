import { type FormEvent, useId, useRef, useState } from "react";
import type { TargetKind } from "../../../../domain/rewards/targets";
import { idempotencyKey } from "../../../api";
import { describeError } from "../../../components/api-error";
import { FormAlert } from "../../../components/FormAlert";
import { useI18n } from "../../../i18n/context";
import { rewardsApi } from "../api";
import { TARGET_KINDS, targetLabel } from "../words";

/** A clinician sets a behaviour staff will verify, and how often it comes up. */
export function AddTargetForm({
  memberId,
  organizationId,
  onAdded,
}: {
  memberId: string;
  organizationId: string;
  onAdded: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [kind, setKind] = useState<TargetKind>("attended_visit");
  const [timesPerWeek, setTimesPerWeek] = useState(2);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const key = useRef(idempotencyKey());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      const trimmed = note.trim();
      await rewardsApi.createTarget(
        memberId,
        { kind, timesPerWeek, organizationId, ...(trimmed ? { note: trimmed } : {}) },
        key.current,
      );
      key.current = idempotencyKey();
      setNote("");
      setSaved(true);
      onAdded();
    } catch (caught) {
      setError(describeError(caught, i18n).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{t("rewards.addTarget.title")}</h2>
      <form className="stack" noValidate onSubmit={submit} aria-busy={busy}>
        <FormAlert message={error} />
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t("rewards.addTarget.kind")}</label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(event) => setKind(event.target.value as TargetKind)}
          >
            {TARGET_KINDS.map((option) => (
              <option key={option} value={option}>
                {targetLabel(option, i18n)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-times`}>{t("rewards.addTarget.times")}</label>
          <select
            id={`${id}-times`}
            value={timesPerWeek}
            onChange={(event) => setTimesPerWeek(Number(event.target.value))}
          >
            {[1, 2, 3, 4, 5, 6, 7].map((count) => (
              <option key={count} value={count}>
                {count}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t("rewards.addTarget.note")}</label>
          <input
            id={`${id}-note`}
            type="text"
            maxLength={300}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t("rewards.addTarget.saving") : t("rewards.addTarget.save")}
        </button>
        <p role="status">{saved ? t("rewards.addTarget.saved") : ""}</p>
      </form>
    </section>
  );
}
