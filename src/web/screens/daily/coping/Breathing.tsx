import { useEffect, useState } from "react";
import { useI18n } from "../../../i18n/context";

const PHASES = ["in", "holdIn", "out", "holdOut"] as const;
type Phase = (typeof PHASES)[number];
const SECONDS_PER_PHASE = 4;
const ROUNDS = 4;
const TOTAL_SECONDS = PHASES.length * SECONDS_PER_PHASE * ROUNDS;

/**
 * Box breathing: in for four, hold for four, out for four, hold for four. The square grows and
 * shrinks with the breath (standing still when the person asked for less motion); the words
 * carry the cue on their own, and screen readers hear each new phase, not each second.
 */
export function Breathing({ onDone }: { onDone: () => void }) {
  const { t, tCount } = useI18n();
  const [second, setSecond] = useState<number | null>(null);

  useEffect(() => {
    if (second === null) return;
    if (second >= TOTAL_SECONDS) {
      onDone();
      return;
    }
    const timer = setTimeout(() => setSecond(second + 1), 1000);
    return () => clearTimeout(timer);
  }, [second, onDone]);

  const isRunning = second !== null && second < TOTAL_SECONDS;
  const step = Math.floor((second ?? 0) / SECONDS_PER_PHASE);
  const phase: Phase = PHASES[step % PHASES.length] ?? "in";
  const count = SECONDS_PER_PHASE - ((second ?? 0) % SECONDS_PER_PHASE);
  const round = Math.min(ROUNDS, Math.floor(step / PHASES.length) + 1);

  return (
    <div className="stack">
      <p>{t("coping.breathing.intro")}</p>
      <div className="breath-stage" aria-hidden="true">
        <div className={isRunning ? `breath-box breath-${phase}` : "breath-box"}>
          {isRunning && <span className="breath-count">{count}</span>}
        </div>
      </div>
      {isRunning && (
        <>
          <p className="phase-cue" aria-live="polite">
            {t(`coping.breathing.${phase}`)}
          </p>
          <p className="hint">{t("coping.breathing.round", { round, rounds: ROUNDS })}</p>
        </>
      )}
      <div className="actions-row">
        {isRunning ? (
          <button type="button" className="button primary" onClick={onDone}>
            {t("coping.finish")}
          </button>
        ) : (
          <button type="button" className="button primary" onClick={() => setSecond(0)}>
            {tCount("coping.breathing.start", ROUNDS)}
          </button>
        )}
      </div>
    </div>
  );
}
