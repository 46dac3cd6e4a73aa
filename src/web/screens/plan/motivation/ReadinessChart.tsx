import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { ReadinessRating } from "../../../../domain/api/plan";
import { useI18n } from "../../../i18n/context";

const COLORS = { importance: "#14505a", confidence: "#8a5a00", readiness: "#6a3d9a" } as const;
const HEIGHT = 200;

/**
 * The ruler's three lines over time. Decorative for screen readers: the screen says the same
 * in words right beside it. uPlot styles through the CSSOM, which the CSP allows.
 */
export function ReadinessChart({ ratings }: { ratings: readonly ReadinessRating[] }) {
  const { t, locale } = useI18n();
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element || ratings.length === 0) return;
    const oldestFirst = [...ratings].reverse();
    const data: uPlot.AlignedData = [
      oldestFirst.map((rating) => Date.parse(rating.recordedAt) / 1000),
      oldestFirst.map((rating) => rating.importance),
      oldestFirst.map((rating) => rating.confidence),
      oldestFirst.map((rating) => rating.readiness),
    ];
    // Ratings within a day or two are told apart by the hour, longer spans by the day.
    const times = data[0] as number[];
    const span = (times.at(-1) ?? 0) - (times[0] ?? 0);
    const tick = new Intl.DateTimeFormat(
      locale,
      span < 2 * 86_400
        ? { hour: "numeric", minute: "2-digit" }
        : { month: "short", day: "numeric" },
    );
    const line = (label: string, stroke: string, dash?: number[]): uPlot.Series => ({
      label,
      stroke,
      width: 2,
      ...(dash ? { dash } : {}),
      points: { show: true, size: 6, fill: stroke },
    });
    const chart = new uPlot(
      {
        width: Math.max(240, element.clientWidth),
        height: HEIGHT,
        legend: { show: false },
        cursor: { show: false },
        scales: { y: { range: [0, 10] }, x: { time: true } },
        axes: [
          {
            values: (_chart, splits) => splits.map((split) => tick.format(split * 1000)),
            stroke: "#485559",
          },
          {
            splits: () => [0, 2, 4, 6, 8, 10],
            values: (_chart, splits) => splits.map(String),
            stroke: "#485559",
            size: 32,
          },
        ],
        series: [
          {},
          line(t("readiness.importance"), COLORS.importance),
          line(t("readiness.confidence"), COLORS.confidence, [6, 4]),
          line(t("readiness.readiness"), COLORS.readiness, [2, 3]),
        ],
      },
      data,
      element,
    );
    const resize = new ResizeObserver(() => {
      chart.setSize({ width: Math.max(240, element.clientWidth), height: HEIGHT });
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [ratings, locale, t]);

  return (
    <div className="readiness-chart">
      <div ref={container} aria-hidden="true" />
      <ul className="chart-legend" aria-hidden="true">
        <li className="legend-importance">{t("readiness.importance")}</li>
        <li className="legend-confidence">{t("readiness.confidence")}</li>
        <li className="legend-readiness">{t("readiness.readiness")}</li>
      </ul>
    </div>
  );
}
