import { useEffect } from "react";
import { useI18n } from "../../../i18n/context";
import type { MessageKey } from "../../../i18n/translate";
import { CountdownControls } from "./CountdownControls";
import { formatClock, useCountdown } from "./use-countdown";

const DELAY_MS = 15 * 60_000;
const IDEAS: MessageKey[] = [
  "coping.delay.idea.walk",
  "coping.delay.idea.call",
  "coping.delay.idea.water",
  "coping.delay.idea.shower",
  "coping.delay.idea.music",
  "coping.delay.idea.tidy",
  "coping.delay.idea.game",
  "coping.delay.idea.write",
];

/** Delay and distract: promise yourself fifteen minutes, and fill them with something else. */
export function DelayDistract({ onDone }: { onDone: () => void }) {
  const { t, tCount } = useI18n();
  const countdown = useCountdown(DELAY_MS);
  const { status, remainingMs, progress } = countdown;
  useEffect(() => {
    if (status === "done") onDone();
  }, [status, onDone]);

  return (
    <div className="stack">
      <p>{t("coping.delay.intro")}</p>
      {status !== "idle" && (
        <>
          <p className="timer-readout" aria-hidden="true">
            {formatClock(remainingMs)}
          </p>
          <progress className="timer-bar" max={1} value={progress} aria-hidden="true" />
          <p className="visually-hidden" role="status">
            {tCount("coping.minutesLeft", Math.ceil(remainingMs / 60_000))}
          </p>
        </>
      )}
      <CountdownControls countdown={countdown} startKey="coping.delay.start" />
      <h2>{t("coping.delay.ideasHeading")}</h2>
      <ul className="idea-list">
        {IDEAS.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
    </div>
  );
}
