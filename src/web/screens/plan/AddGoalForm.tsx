import { type FormEvent, useId, useState } from "react";
import { PLAN_DOMAINS, type PlanDomain } from "../../../domain/plan";
import { useI18n } from "../../i18n/context";
import { domainName } from "./plan-words";
import type { usePlanEditor } from "./use-plan-editor";

type Actions = ReturnType<typeof usePlanEditor>["actions"];

/** A goal of the person's own, in any life area. */
export function AddGoalForm({ actions }: { actions: Actions }) {
  const { t, locale } = useI18n();
  const [domain, setDomain] = useState<PlanDomain>("lifestyle");
  const [title, setTitle] = useState("");
  const [why, setWhy] = useState("");
  const [titleError, setTitleError] = useState<string>();
  const headingId = useId();

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (title.trim() === "") {
      setTitleError(t("plan.titleRequired"));
      return;
    }
    void actions.addGoal({ domain, title: title.trim(), why: why.trim() });
    setTitle("");
    setWhy("");
  }

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("plan.addGoalTitle")}</h2>
      <form className="stack" noValidate onSubmit={add}>
        <label className="field">
          <span>{t("plan.lifeArea")}</span>
          <select value={domain} onChange={(event) => setDomain(event.target.value as PlanDomain)}>
            {PLAN_DOMAINS.map((option) => (
              <option key={option} value={option}>
                {domainName(locale, option)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("plan.goalTitle")}</span>
          <input
            value={title}
            maxLength={200}
            aria-invalid={titleError ? true : undefined}
            onChange={(event) => {
              setTitle(event.target.value);
              setTitleError(undefined);
            }}
          />
        </label>
        {titleError && (
          <p className="field-error" role="alert">
            {titleError}
          </p>
        )}
        <label className="field">
          <span>{t("plan.goalWhyOptional")}</span>
          <textarea
            rows={2}
            maxLength={1000}
            value={why}
            onChange={(e) => setWhy(e.target.value)}
          />
        </label>
        <button type="submit" className="button primary">
          {t("plan.addGoal")}
        </button>
      </form>
    </section>
  );
}
