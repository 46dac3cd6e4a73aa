import { useI18n } from "../../../i18n/context";
import type { MessageKey } from "../../../i18n/translate";
import type { useCountdown } from "./use-countdown";

/** Start, pause, resume and finish for a timed coping tool (delay, urge surfing). */
export function CountdownControls({
  countdown,
  startKey,
}: {
  countdown: ReturnType<typeof useCountdown>;
  startKey: MessageKey;
}) {
  const { t } = useI18n();
  const { status } = countdown;
  return (
    <div className="actions-row">
      {status === "idle" && (
        <button type="button" className="button primary" onClick={countdown.start}>
          {t(startKey)}
        </button>
      )}
      {status === "running" && (
        <button type="button" className="button secondary" onClick={countdown.pause}>
          {t("coping.pause")}
        </button>
      )}
      {status === "paused" && (
        <button type="button" className="button secondary" onClick={countdown.resume}>
          {t("coping.resume")}
        </button>
      )}
      {(status === "running" || status === "paused") && (
        <button type="button" className="button primary" onClick={countdown.stop}>
          {t("coping.finish")}
        </button>
      )}
    </div>
  );
}
