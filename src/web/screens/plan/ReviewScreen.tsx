import { type FormEvent, useCallback, useId, useState } from "react";
import type { CreatePlanReviewBody, PlanStep } from "../../../domain/api/plan";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { FormAlert } from "../../components/FormAlert";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useI18n } from "../../i18n/context";
import { formatDayWithYear } from "../../i18n/dates";
import { BackToPlan } from "./PlanLinks";
import { useLoad } from "./use-load";
import { usePlanApi } from "./use-plan-api";

const MAX_NEXT_STEPS = 20;

/** The weekly plan check: what went well, what was hard, what comes next; then the past ones. */
export function ReviewScreen() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const api = usePlanApi();
  const fetcher = useCallback(async () => {
    const [reviews, plan] = await Promise.all([api.listPlanReviews(), api.getPlan()]);
    const openSteps = plan.domains.flatMap(({ goals }) =>
      goals.flatMap((goal) =>
        goal.status === "active"
          ? goal.steps.filter((step) => step.status === "todo" || step.status === "doing")
          : [],
      ),
    );
    return { ...reviews, openSteps };
  }, [api]);
  const { load, reload, retry } = useLoad(fetcher);
  const [wentWell, setWentWell] = useState("");
  const [wasHard, setWasHard] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [intention, setIntention] = useState("");
  const [isSaving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState("");
  const ids = { next: useId(), past: useId() };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSaving) return;
    const nextSteps: NonNullable<CreatePlanReviewBody["nextSteps"]> = [
      ...chosen.map((stepId) => ({ stepId })),
      ...(intention.trim() ? [{ text: intention.trim() }] : []),
    ].slice(0, MAX_NEXT_STEPS);
    setSaving(true);
    setError(undefined);
    try {
      await api.createPlanReview({
        ...(wentWell.trim() ? { wentWell: wentWell.trim() } : {}),
        ...(wasHard.trim() ? { wasHard: wasHard.trim() } : {}),
        ...(nextSteps.length > 0 ? { nextSteps } : {}),
      });
      setWentWell("");
      setWasHard("");
      setChosen([]);
      setIntention("");
      setStatus(t("review.saved"));
      await reload().catch(() => undefined);
    } catch (caught) {
      setError(describeError(caught, i18n).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="stack review">
      <BackToPlan />
      <ScreenHeading titleKey="review.title" />
      {load.status === "loading" && <Loading />}
      {load.status === "failed" && (
        <ErrorState message={describeError(load.error, i18n).message} onRetry={retry} />
      )}
      {load.status === "loaded" && (
        <>
          <p className="lead">
            {load.data.due
              ? t("review.due")
              : load.data.nextDueOn
                ? t("review.nextDue", { date: formatDayWithYear(load.data.nextDueOn, locale) })
                : t("review.anytime")}
          </p>
          <form className="card stack" noValidate onSubmit={submit} aria-busy={isSaving}>
            <label className="field">
              <span>{t("review.wentWell")}</span>
              <textarea
                rows={3}
                maxLength={2000}
                value={wentWell}
                onChange={(event) => setWentWell(event.target.value)}
              />
            </label>
            <label className="field">
              <span>{t("review.wasHard")}</span>
              <textarea
                rows={3}
                maxLength={2000}
                value={wasHard}
                onChange={(event) => setWasHard(event.target.value)}
              />
            </label>
            <fieldset className="stack tight" aria-describedby={ids.next}>
              <legend>{t("review.nextSteps")}</legend>
              <p className="hint" id={ids.next}>
                {load.data.openSteps.length > 0
                  ? t("review.nextStepsHint")
                  : t("review.noOpenSteps")}
              </p>
              {load.data.openSteps.map((step: PlanStep) => (
                <label key={step.id} className="choice">
                  <input
                    type="checkbox"
                    checked={chosen.includes(step.id)}
                    onChange={(event) =>
                      setChosen((list) =>
                        event.target.checked
                          ? [...list, step.id]
                          : list.filter((stepId) => stepId !== step.id),
                      )
                    }
                  />
                  <span>{step.title}</span>
                </label>
              ))}
            </fieldset>
            <label className="field">
              <span>{t("review.intention")}</span>
              <input
                maxLength={200}
                value={intention}
                onChange={(event) => setIntention(event.target.value)}
              />
            </label>
            <FormAlert message={error} />
            <button type="submit" className="button primary" disabled={isSaving}>
              {t("review.save")}
            </button>
            <p role="status" className="saved-note">
              {status}
            </p>
          </form>
          <section className="stack" aria-labelledby={ids.past}>
            <h2 id={ids.past}>{t("review.pastHeading")}</h2>
            {load.data.reviews.length === 0 ? (
              <p className="hint">{t("review.pastEmpty")}</p>
            ) : (
              <ul className="review-list">
                {load.data.reviews.map((review) => (
                  <li key={review.id} className="card stack tight">
                    <h3>
                      {t("review.weekOf", { date: formatDayWithYear(review.reviewDate, locale) })}
                    </h3>
                    {review.wentWell && (
                      <p>
                        <strong>{t("review.wentWellShort")}</strong> {review.wentWell}
                      </p>
                    )}
                    {review.wasHard && (
                      <p>
                        <strong>{t("review.wasHardShort")}</strong> {review.wasHard}
                      </p>
                    )}
                    {review.nextSteps.length > 0 && (
                      <>
                        <p>
                          <strong>{t("review.nextStepsShort")}</strong>
                        </p>
                        <ul className="bullets">
                          {review.nextSteps.map((next, index) => (
                            // biome-ignore lint/suspicious/noArrayIndexKey: a saved review never changes
                            <li key={index}>{next.text}</li>
                          ))}
                        </ul>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
