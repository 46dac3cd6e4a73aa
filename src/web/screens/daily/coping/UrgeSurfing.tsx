import { useEffect, useState } from "react";
import { useI18n } from "../../../i18n/context";
import { ChoiceRow } from "../components/ChoiceRow";
import { CountdownControls } from "./CountdownControls";
import { formatClock, useCountdown } from "./use-countdown";

const MINUTE = 60_000;
const DURATIONS = [10, 15, 20] as const;
type Phase = "rising" | "peak" | "falling";

// The wave: rises to a crest a little before the middle, then eases down (drawn in a 300×120 box).
const WIDTH = 300;
const BASE = 110;
const HEIGHT = 90;
const waveY = (progress: number) => BASE - HEIGHT * Math.sin(Math.PI * progress ** 0.85) ** 2;
const WAVE_PATH = Array.from({ length: 61 }, (_, i) => {
  const progress = i / 60;
  return `${i === 0 ? "M" : "L"}${(progress * WIDTH).toFixed(1)} ${waveY(progress).toFixed(1)}`;
}).join(" ");

const phaseOf = (progress: number): Phase =>
  progress < 0.35 ? "rising" : progress < 0.6 ? "peak" : "falling";

/**
 * Urge surfing: the craving as a wave that rises, peaks and falls while the person watches
 * it instead of acting on it. Screen readers hear the time left once a minute, not every second.
 */
export function UrgeSurfing({ onDone }: { onDone: () => void }) {
  const { t, tCount } = useI18n();
  const [minutes, setMinutes] = useState<number>(15);
  const countdown = useCountdown(minutes * MINUTE);
  const { status, progress, remainingMs } = countdown;
  const phase = phaseOf(progress);
  const minutesLeft = Math.ceil(remainingMs / MINUTE);

  useEffect(() => {
    if (status === "done") onDone();
  }, [status, onDone]);

  return (
    <div className="stack">
      <p>{t("coping.urge.intro")}</p>
      {status === "idle" && (
        <ChoiceRow<number>
          legend={t("coping.urge.length")}
          choices={DURATIONS.map((value) => ({
            value,
            label: tCount("coping.minutes", value),
          }))}
          value={minutes}
          onChange={setMinutes}
        />
      )}
      <figure className="wave" aria-hidden="true">
        <svg viewBox={`-10 -2 ${WIDTH + 20} 124`} focusable="false" aria-hidden="true">
          <defs>
            <clipPath id="wave-so-far">
              <rect x="0" y="0" width={progress * WIDTH} height="120" />
            </clipPath>
          </defs>
          <path className="wave-line" d={WAVE_PATH} />
          <path
            className="wave-fill"
            d={`${WAVE_PATH} L${WIDTH} ${BASE} L0 ${BASE} Z`}
            clipPath="url(#wave-so-far)"
          />
          <circle className="wave-marker" cx={progress * WIDTH} cy={waveY(progress)} r="7" />
        </svg>
      </figure>
      {status !== "idle" && (
        <>
          <p className="timer-readout" aria-hidden="true">
            {formatClock(remainingMs)}
          </p>
          <p className="visually-hidden" role="status">
            {tCount("coping.minutesLeft", minutesLeft)}
          </p>
          <p className="phase-cue">{t(`coping.urge.${phase}`)}</p>
        </>
      )}
      <CountdownControls countdown={countdown} startKey="coping.start" />
    </div>
  );
}
