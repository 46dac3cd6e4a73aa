import { type FormEvent, useId, useState } from "react";
import {
  type EscalationSchedule,
  PUBLISHED_SCHEDULE_PROPORTIONS,
  type RewardSettings,
  rewardSettingsSchema,
} from "../../../../domain/rewards/schedule";
import { FormAlert } from "../../../components/FormAlert";
import { useFormSubmit } from "../../../components/use-form-submit";
import { useI18n } from "../../../i18n/context";
import type { MessageKey } from "../../../i18n/translate";
import { rewardsApi } from "../api";

type FieldName = keyof EscalationSchedule | "yearlyCapPoints";
type Draft = Record<FieldName, string>;

const FIELDS: { name: FieldName; labelKey: MessageKey; optional: boolean }[] = [
  { name: "startPoints", labelKey: "rewards.settings.startPoints", optional: false },
  { name: "stepPoints", labelKey: "rewards.settings.stepPoints", optional: false },
  {
    name: "maxPointsPerOccasion",
    labelKey: "rewards.settings.maxPointsPerOccasion",
    optional: true,
  },
  { name: "bonusEvery", labelKey: "rewards.settings.bonusEvery", optional: true },
  { name: "bonusPoints", labelKey: "rewards.settings.bonusPoints", optional: false },
  { name: "yearlyCapPoints", labelKey: "rewards.settings.yearlyCapPoints", optional: false },
];

function draftOf(settings: RewardSettings | null): Draft {
  const text = (value: number | null | undefined) => (value == null ? "" : String(value));
  return {
    startPoints: text(settings?.schedule.startPoints),
    stepPoints: text(settings?.schedule.stepPoints),
    maxPointsPerOccasion: text(settings?.schedule.maxPointsPerOccasion),
    bonusEvery: text(settings?.schedule.bonusEvery),
    bonusPoints: text(settings?.schedule.bonusPoints ?? 0),
    yearlyCapPoints: text(settings?.yearlyCapPoints),
  };
}

function settingsOf(draft: Draft): RewardSettings | null {
  const number = (value: string) => (value.trim() === "" ? null : Number(value));
  const candidate = {
    schedule: {
      startPoints: number(draft.startPoints),
      stepPoints: number(draft.stepPoints),
      maxPointsPerOccasion: number(draft.maxPointsPerOccasion),
      bonusEvery: number(draft.bonusEvery),
      bonusPoints: number(draft.bonusPoints) ?? 0,
    },
    yearlyCapPoints: number(draft.yearlyCapPoints),
  };
  const parsed = rewardSettingsSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

/** An admin sets the escalation schedule and the yearly cap, all in points. */
export function ScheduleForm({
  organizationId,
  settings,
  onSaved,
}: {
  organizationId: string;
  settings: RewardSettings | null;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(() => draftOf(settings));
  const form = useFormSubmit([]);
  const [saved, setSaved] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (form.isSubmitting) return;
    setSaved(false);
    const next = settingsOf(draft);
    if (!next) {
      form.setError({ message: t("rewards.settings.invalidNumber") });
      return;
    }
    void form.send(async () => {
      await rewardsApi.saveSettings(organizationId, next);
      setSaved(true);
      onSaved();
    });
  }

  function fillPublished() {
    const published = draftOf({ schedule: PUBLISHED_SCHEDULE_PROPORTIONS, yearlyCapPoints: 0 });
    // The cap is the organization's own decision: it is never filled in for them.
    setDraft((current) => ({ ...published, yearlyCapPoints: current.yearlyCapPoints }));
  }

  return (
    <section className="card stack" aria-labelledby={id}>
      <h3 id={id}>{t("rewards.settings.scheduleTitle")}</h3>
      <form className="stack" noValidate onSubmit={submit} aria-busy={form.isSubmitting}>
        <FormAlert message={form.formError} />
        <button type="button" className="button link" onClick={fillPublished}>
          {t("rewards.settings.usePublished")}
        </button>
        {FIELDS.map((field) => (
          <div className="field" key={field.name}>
            <label htmlFor={`${id}-${field.name}`}>{t(field.labelKey)}</label>
            <input
              id={`${id}-${field.name}`}
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              required={!field.optional}
              aria-describedby={field.name === "yearlyCapPoints" ? `${id}-cap-hint` : undefined}
              value={draft[field.name]}
              onChange={(event) => setDraft({ ...draft, [field.name]: event.target.value })}
            />
            {field.name === "yearlyCapPoints" && (
              <p className="hint" id={`${id}-cap-hint`}>
                {t("rewards.settings.capHint")}
              </p>
            )}
          </div>
        ))}
        <button type="submit" className="button primary" disabled={form.isSubmitting}>
          {form.isSubmitting ? t("rewards.settings.saving") : t("rewards.settings.save")}
        </button>
        <p role="status">{saved ? t("rewards.settings.saved") : ""}</p>
      </form>
    </section>
  );
}
