import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

/** A shaded stretch of the chart: hours on the x-axis (withdrawal course) or a score band on y. */
export interface ChartRegion {
  axis: "x" | "y";
  from: number;
  /** Null: open-ended, drawn to the edge of the chart. */
  to: number | null;
  /** Drawn inside the region, so regions differ by more than colour. */
  label: string;
  tone: RegionTone;
}
export type RegionTone = 0 | 1 | 2 | 3 | 4;

interface ScoreChartProps {
  /** x in hours since last use, or in seconds since 1970 for dates. */
  points: readonly { x: number; y: number }[];
  xKind: "hours" | "time";
  xMax?: number;
  yRange: { min: number; max: number };
  regions: readonly ChartRegion[];
  seriesLabel: string;
  locale: string;
  hoursUnit?: string;
}

const HEIGHT = 220;
const LINE = "#14505a";
// Soft fills, each a step darker; the CSS legend swatches use the same colours (.region-tone-N).
const TONES = ["#e1efed", "#fff1c7", "#fde1c8", "#f9d3d0", "#eccde8"];
const LABEL = "#38474b";

/**
 * Scores as a line, over shaded regions drawn on the canvas itself (uPlot's drawClear hook), so
 * nothing needs an inline style under the CSP. Decorative for assistive technology: the screen
 * gives the same facts as a sentence and a table.
 */
export function ScoreChart(props: ScoreChartProps) {
  const { points, xKind, xMax, yRange, regions, seriesLabel, locale, hoursUnit } = props;
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const sorted = [...points].sort((a, b) => a.x - b.x);
    const data: uPlot.AlignedData = [sorted.map((p) => p.x), sorted.map((p) => p.y)];
    const lastX = sorted.at(-1)?.x ?? 0;
    // Over a few days, the hour matters more than the date.
    const spansDays = lastX - (sorted[0]?.x ?? lastX) > 3 * 86_400;
    const dateFormat = new Intl.DateTimeFormat(
      locale,
      spansDays ? { month: "short", day: "numeric" } : { weekday: "short", hour: "numeric" },
    );
    const xScale: uPlot.Scale =
      xKind === "hours"
        ? { time: false, range: () => [0, Math.max(xMax ?? 0, lastX * 1.1, 48)] }
        : { time: true };

    const drawRegions = (chart: uPlot) => {
      const { ctx, bbox } = chart;
      ctx.save();
      ctx.font = `bold ${12 * devicePixelRatio}px system-ui, sans-serif`;
      for (const region of regions) {
        const scale = region.axis;
        const start = chart.valToPos(region.from, scale, true);
        const end =
          region.to === null
            ? scale === "x"
              ? bbox.left + bbox.width
              : bbox.top
            : chart.valToPos(region.to, scale, true);
        ctx.fillStyle = TONES[region.tone] as string;
        if (scale === "x") {
          const left = Math.max(bbox.left, Math.min(start, end));
          const right = Math.min(bbox.left + bbox.width, Math.max(start, end));
          if (right <= left) continue;
          ctx.fillRect(left, bbox.top, right - left, bbox.height);
          ctx.fillStyle = LABEL;
          ctx.save();
          ctx.beginPath();
          ctx.rect(left, bbox.top, right - left, bbox.height);
          ctx.clip();
          ctx.fillText(region.label, left + 4 * devicePixelRatio, bbox.top + 14 * devicePixelRatio);
          ctx.restore();
        } else {
          const top = Math.max(bbox.top, Math.min(start, end));
          const bottom = Math.min(bbox.top + bbox.height, Math.max(start, end));
          if (bottom <= top) continue;
          ctx.fillRect(bbox.left, top, bbox.width, bottom - top);
          ctx.fillStyle = LABEL;
          ctx.textAlign = "right";
          ctx.fillText(
            region.label,
            bbox.left + bbox.width - 4 * devicePixelRatio,
            bottom - 4 * devicePixelRatio,
          );
          ctx.textAlign = "left";
        }
      }
      ctx.restore();
    };

    const chart = new uPlot(
      {
        width: Math.max(240, element.clientWidth),
        height: HEIGHT,
        legend: { show: false },
        cursor: { drag: { x: false, y: false }, points: { size: 8 } },
        scales: { x: xScale, y: { range: [yRange.min, yRange.max] } },
        hooks: { drawClear: [drawRegions] },
        axes: [
          {
            values: (_chart, splits) =>
              splits.map((split) =>
                xKind === "hours"
                  ? `${Math.round(split)}${hoursUnit ?? ""}`
                  : dateFormat.format(split * 1000),
              ),
            space: 60,
            stroke: "#485559",
            grid: { stroke: "#e3e7e8" },
          },
          { size: 36, stroke: "#485559", grid: { stroke: "#e3e7e8" } },
        ],
        series: [
          {},
          {
            label: seriesLabel,
            stroke: LINE,
            width: 2.5,
            spanGaps: true,
            points: { show: true, size: 7, fill: LINE },
          },
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
  }, [points, xKind, xMax, yRange, regions, seriesLabel, locale, hoursUnit]);

  return <div ref={container} className="chart score-chart" aria-hidden="true" />;
}
