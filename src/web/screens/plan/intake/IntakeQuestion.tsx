import { intakeStageSchema, treatmentSchema } from "../../../../domain/intake";
import { PLAN_DOMAINS } from "../../../../domain/plan";
import { useI18n } from "../../../i18n/context";
import type { MessageKey } from "../../../i18n/translate";
import { domainName } from "../plan-words";
import type { IntakeDraft, QuestionId } from "./intake-draft";

export interface QuestionProps {
  question: QuestionId;
  draft: IntakeDraft;
  onChange: (draft: IntakeDraft) => void;
  /** The id of the question's heading, which names its controls. */
  labelId: string;
  today: string;
  error: string | undefined;
}

const MAX_SUPPORT_PEOPLE = 5;

/** The controls of one intake question; the heading and the buttons are the screen's. */
export function IntakeQuestion({
  question,
  draft,
  onChange,
  labelId,
  today,
  error,
}: QuestionProps) {
  const { t, locale } = useI18n();
  const set = (patch: Partial<IntakeDraft>) => onChange({ ...draft, ...patch });
  const errorId = `${labelId}-error`;
  const errorText = error && (
    <p className="field-error" id={errorId} role="alert">
      {error}
    </p>
  );

  switch (question) {
    case "stage":
      return (
        <fieldset className="stack choices" aria-labelledby={labelId}>
          {intakeStageSchema.options.map((stage) => (
            <Choice
              key={stage}
              type="radio"
              name="stage"
              label={t(`intake.stage.${stage}` as MessageKey)}
              checked={draft.stage === stage}
              onChange={() => set({ stage })}
            />
          ))}
        </fieldset>
      );
    case "treatment":
      return (
        <fieldset className="stack choices" aria-labelledby={labelId}>
          {treatmentSchema.options.map((treatment) => (
            <Choice
              key={treatment}
              type="checkbox"
              name="treatment"
              label={t(`intake.treatment.${treatment}` as MessageKey)}
              checked={draft.treatment.includes(treatment)}
              onChange={(checked) => {
                // "None" and a treatment exclude each other; the last tap wins.
                const others = draft.treatment.filter(
                  (item) => item !== treatment && (treatment === "none" ? false : item !== "none"),
                );
                set({ treatment: checked ? [...others, treatment] : others });
              }}
            />
          ))}
        </fieldset>
      );
    case "domains":
      return (
        <fieldset className="stack choices" aria-labelledby={labelId}>
          {PLAN_DOMAINS.map((domain) => (
            <Choice
              key={domain}
              type="checkbox"
              name="domains"
              label={domainName(locale, domain)}
              checked={draft.domains.includes(domain)}
              onChange={(checked) =>
                set({
                  domains: checked
                    ? [...draft.domains, domain]
                    : draft.domains.filter((item) => item !== domain),
                })
              }
            />
          ))}
        </fieldset>
      );
    case "whatMattersMost":
      return (
        <textarea
          aria-labelledby={labelId}
          rows={4}
          maxLength={1000}
          value={draft.whatMattersMost}
          onChange={(event) => set({ whatMattersMost: event.target.value })}
        />
      );
    case "supportPeople":
      return (
        <div className="stack">
          {draft.supportPeople.map((person, index) => {
            const update = (patch: Partial<typeof person>) =>
              set({
                supportPeople: draft.supportPeople.map((other, at) =>
                  at === index ? { ...other, ...patch } : other,
                ),
              });
            const number = index + 1;
            return (
              // Rows are only added at the end and removed by position, so the index is stable.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <fieldset key={index} className="card stack person-row">
                <legend className="visually-hidden">{t("intake.person", { number })}</legend>
                <label className="field">
                  <span>{t("intake.personName")}</span>
                  <input
                    value={person.name}
                    maxLength={80}
                    autoComplete="off"
                    onChange={(event) => update({ name: event.target.value })}
                  />
                </label>
                <label className="field">
                  <span>{t("intake.personRole")}</span>
                  <input
                    value={person.role}
                    maxLength={40}
                    autoComplete="off"
                    onChange={(event) => update({ role: event.target.value })}
                  />
                </label>
                {draft.supportPeople.length > 1 && (
                  <button
                    type="button"
                    className="button secondary small"
                    onClick={() =>
                      set({ supportPeople: draft.supportPeople.filter((_, at) => at !== index) })
                    }
                  >
                    {t("intake.removePerson", { number })}
                  </button>
                )}
              </fieldset>
            );
          })}
          {draft.supportPeople.length < MAX_SUPPORT_PEOPLE && (
            <button
              type="button"
              className="button secondary"
              onClick={() =>
                set({ supportPeople: [...draft.supportPeople, { name: "", role: "" }] })
              }
            >
              {t("intake.addPerson")}
            </button>
          )}
        </div>
      );
    case "recoveryStart":
      return (
        <div className="stack tight">
          <input
            type="date"
            aria-labelledby={labelId}
            aria-describedby={error ? errorId : undefined}
            aria-invalid={error ? true : undefined}
            max={today}
            value={draft.recoveryStart}
            onChange={(event) => set({ recoveryStart: event.target.value })}
          />
          {errorText}
        </div>
      );
    case "costPerDay":
      return (
        <div className="stack tight">
          <input
            inputMode="decimal"
            aria-labelledby={labelId}
            aria-describedby={error ? errorId : undefined}
            aria-invalid={error ? true : undefined}
            autoComplete="off"
            value={draft.costPerDay}
            onChange={(event) => set({ costPerDay: event.target.value })}
          />
          {errorText}
        </div>
      );
    case "hasCourtDates":
    case "stableHousing":
    case "hasChildren":
      return (
        <fieldset className="stack choices" aria-labelledby={labelId}>
          {[true, false].map((value) => (
            <Choice
              key={String(value)}
              type="radio"
              name={question}
              label={t(value ? "intake.yes" : "intake.no")}
              checked={draft[question] === value}
              onChange={() => set({ [question]: value })}
            />
          ))}
        </fieldset>
      );
  }
}

function Choice(props: {
  type: "radio" | "checkbox";
  name: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="choice">
      <input
        type={props.type}
        name={props.name}
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <span>{props.label}</span>
    </label>
  );
}
