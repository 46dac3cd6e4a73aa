import { type FormEvent, useId, useRef, useState } from "react";
import type { TargetKind } from "../../../../domain/rewards/targets";
import { idempotencyKey } from "../../../api";
import { FormAlert } from "../../../components/FormAlert";
import { useFormSubmit } from "../../../components/use-form-submit";
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
  const form = useFormSubmit([]);
  const [saved, setSaved] = useState(false);
  const key = useRef(idempotencyKey());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (form.isSubmitting) return;
    setSaved(false);
    void form.send(async () => {
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
    });
  }

  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{t("rewards.addTarget.title")}</h2>
      <form className="stack" noValidate onSubmit={submit} aria-busy={form.isSubmitting}>
        <FormAlert message={form.formError} />
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
        <button type="submit" className="button primary" disabled={form.isSubmitting}>
          {form.isSubmitting ? t("rewards.addTarget.saving") : t("rewards.addTarget.save")}
        </button>
        <p role="status">{saved ? t("rewards.addTarget.saved") : ""}</p>
      </form>
    </section>
  );
}
