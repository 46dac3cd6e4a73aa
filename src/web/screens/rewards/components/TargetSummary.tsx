import type { Target } from "../../../../domain/api/rewards";
import { useI18n } from "../../../i18n/context";
import { formatDay } from "../../../i18n/dates";
import { targetLabel } from "../words";

/** One target as the member sees it: how often, the run so far, and what the next one earns. */
export function TargetSummary({ target }: { target: Target }) {
  const i18n = useI18n();
  const { t, tCount } = i18n;
  const freshStart =
    target.streak === 0 && target.recentOccasions.some((o) => o.correctedAt === null);
  return (
    <li className="stack tight">
      <strong>{targetLabel(target.kind, i18n)}</strong>
      <span className="hint">{tCount("rewards.target.times", target.timesPerWeek)}</span>
      {target.note && <span>{target.note}</span>}
      {target.endedAt !== null ? (
        <span className="hint">
          {t("rewards.target.ended", { date: formatDay(target.endedAt.slice(0, 10), i18n.locale) })}
        </span>
      ) : freshStart ? (
        // After a miss: the way forward, never the miss itself.
        <span>{t("rewards.target.fresh", { points: target.nextPoints })}</span>
      ) : (
        <span>
          {target.streak > 0 && `${tCount("rewards.target.streak", target.streak)} · `}
          {t("rewards.target.next", { points: target.nextPoints })}
        </span>
      )}
    </li>
  );
}
