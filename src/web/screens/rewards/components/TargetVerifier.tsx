import { useId, useRef, useState } from "react";
import type { Target } from "../../../../domain/api/rewards";
import { localDayOf } from "../../../../domain/local-day";
import { idempotencyKey } from "../../../api";
import { FormAlert } from "../../../components/FormAlert";
import { useI18n } from "../../../i18n/context";
import { formatDay } from "../../../i18n/dates";
import { rewardsApi } from "../api";
import { targetLabel } from "../words";
import { useAction } from "./use-action";

/**
 * One target on the clinician's screen: record today's (or a recent day's) occasion as met or
 * not met, and put a mistaken entry right — a correction adds a reversing line, never a delete.
 */
export function TargetVerifier({
  memberId,
  target,
  onChange,
}: {
  memberId: string;
  target: Target;
  onChange: () => void;
}) {
  const i18n = useI18n();
  const { t, tCount } = i18n;
  const id = useId();
  const today = localDayOf(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [day, setDay] = useState(today);
  const { busy, error, status, run } = useAction(onChange);
  const key = useRef(idempotencyKey());
  const label = targetLabel(target.kind, i18n);
  const ended = target.endedAt !== null;

  const record = (outcome: "met" | "missed") =>
    run(async () => {
      const result = await rewardsApi.recordOccasion(
        memberId,
        target.id,
        { occurredOn: day, outcome },
        key.current,
      );
      key.current = idempotencyKey();
      const points = result.occasion.points;
      if (result.reason === "missed") return t("rewards.verify.savedMissed");
      if (result.reason === "cap_reached") return t("rewards.verify.savedCapped");
      if (result.reason === "cap_partial") {
        return t("rewards.verify.savedPartial", { points, withheld: result.withheld });
      }
      return t("rewards.verify.savedMet", { points });
    });

  return (
    <li className="card stack" aria-labelledby={id}>
      <h3 id={id}>{label}</h3>
      <p className="hint">
        {tCount("rewards.target.times", target.timesPerWeek)}
        {target.note && ` · ${target.note}`}
      </p>
      {ended ? (
        <p className="hint">
          {t("rewards.target.ended", {
            date: formatDay(target.endedAt?.slice(0, 10) ?? "", i18n.locale),
          })}
        </p>
      ) : (
        <>
          <p>
            {target.streak > 0 && `${tCount("rewards.target.streak", target.streak)} · `}
            {t("rewards.target.next", { points: target.nextPoints })}
          </p>
          <FormAlert message={error} />
          <div className="field">
            <label htmlFor={`${id}-day`}>{t("rewards.verify.day")}</label>
            <input
              id={`${id}-day`}
              type="date"
              max={today}
              value={day}
              onChange={(event) => setDay(event.target.value)}
            />
          </div>
          <div className="button-row">
            <button
              type="button"
              className="button primary"
              disabled={busy}
              aria-label={t("rewards.verify.metLabel", { target: label })}
              onClick={() => void record("met")}
            >
              {t("rewards.verify.met")}
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={busy}
              aria-label={t("rewards.verify.missedLabel", { target: label })}
              onClick={() => void record("missed")}
            >
              {t("rewards.verify.missed")}
            </button>
          </div>
        </>
      )}
      <p role="status">{status}</p>
      {target.recentOccasions.length > 0 && (
        <>
          <h4>{t("rewards.verify.recent")}</h4>
          <ul className="rewards-occasions">
            {target.recentOccasions.map((occasion) => {
              const date = formatDay(occasion.occurredOn, i18n.locale);
              return (
                <li key={occasion.id}>
                  <span className={occasion.correctedAt ? "rewards-corrected" : undefined}>
                    {occasion.outcome === "met"
                      ? t("rewards.verify.occasionMet", { date, points: occasion.points })
                      : t("rewards.verify.occasionMissed", { date })}
                    {occasion.correctedAt && ` ${t("rewards.verify.correctedNote")}`}
                  </span>
                  {!occasion.correctedAt && (
                    <button
                      type="button"
                      className="button small secondary"
                      disabled={busy}
                      aria-label={t("rewards.verify.correctLabel", { date })}
                      onClick={() =>
                        void run(async () => {
                          await rewardsApi.correctOccasion(memberId, occasion.id, idempotencyKey());
                          return t("rewards.verify.correctedDone");
                        })
                      }
                    >
                      {t("rewards.verify.correct")}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {!ended && (
        <button
          type="button"
          className="button link"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              await rewardsApi.endTarget(memberId, target.id);
              return t("rewards.verify.endedDone");
            })
          }
        >
          {t("rewards.verify.end")}
        </button>
      )}
    </li>
  );
}
