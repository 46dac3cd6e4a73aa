import { useId } from "react";
import { describeError } from "../../../components/api-error";
import { ErrorState } from "../../../components/ErrorState";
import { useLoad } from "../../../components/use-load";
import { useI18n } from "../../../i18n/context";
import { useMe } from "../../../session";
import { dailyApi } from "../api";
import { toolInfo } from "./tools";

/**
 * "What works for me": for each tool the person used and answered about, how often the
 * craving passed afterwards. Counted over answered uses, so a skipped question counts neither way.
 */
export function WhatWorks() {
  const i18n = useI18n();
  const { t, tCount } = i18n;
  const me = useMe();
  const headingId = useId();
  const { state, reload } = useLoad(() => dailyApi.copingStats(me.id), [me.id]);

  const answered =
    state.status === "loaded"
      ? state.value.tools
          .map((stats) => ({ ...stats, answered: stats.passedCount + stats.notPassedCount }))
          .filter((stats) => stats.answered > 0)
          .sort((a, b) => b.passedCount / b.answered - a.passedCount / a.answered)
      : [];

  return (
    <section
      className="card stack"
      aria-labelledby={headingId}
      aria-busy={state.status === "loading"}
    >
      <h2 id={headingId}>{t("coping.whatWorks")}</h2>
      {state.status === "loading" && (
        <div className="skeleton-lines" aria-hidden="true">
          <span className="skeleton" />
          <span className="skeleton short" />
        </div>
      )}
      {state.status === "failed" && (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      )}
      {state.status === "loaded" &&
        (answered.length === 0 ? (
          <p className="hint">{t("coping.whatWorksEmpty")}</p>
        ) : (
          <ul className="what-works">
            {answered.map((stats) => (
              <li key={stats.tool}>
                <p>
                  {tCount("coping.whatWorksLine", stats.answered, {
                    tool: t(toolInfo(stats.tool).nameKey),
                    passed: stats.passedCount,
                  })}
                </p>
                <div className="meter" aria-hidden="true">
                  <MeterFill fraction={stats.passedCount / stats.answered} />
                </div>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

/** Width set through the CSSOM (the CSP allows no inline style attributes in HTML). */
function MeterFill({ fraction }: { fraction: number }) {
  return (
    <span
      className="meter-fill"
      ref={(element) => {
        if (element) element.style.width = `${Math.round(fraction * 100)}%`;
      }}
    />
  );
}
