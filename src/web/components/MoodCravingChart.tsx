import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import "../styles/mood-chart.css";
import { eachLocalDay, type LocalDay } from "../../domain/local-day";

/** One day's mood and craving (0–10), from a member's check-in. */
export interface MoodCravingPoint {
  date: LocalDay;
  mood: number;
  craving: number;
}

interface ChartProps {
  checkins: readonly MoodCravingPoint[];
  from: LocalDay;
  to: LocalDay;
  locale: string;
  moodLabel: string;
  cravingLabel: string;
}

const HEIGHT = 200;
// Colours match the legend in CSS (--chart-mood, --chart-craving); craving is also dashed,
// so the two lines differ by more than colour.
const MOOD_COLOUR = "#14505a";
const CRAVING_COLOUR = "#b3261e";
const daySeconds = (day: LocalDay) => Date.parse(`${day}T12:00:00Z`) / 1000;

/**
 * Mood and craving, one point per check-in day, 0–10, with its legend. Decorative for
 * assistive technology: the screen using it gives the same facts in words (a sentence, a
 * table). Used by the member's progress and by a care team's view of a member.
 */
export function MoodCravingChart(props: ChartProps) {
  const { checkins, from, to, locale, moodLabel, cravingLabel } = props;
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const days = eachLocalDay(from, to);
    const byDay = new Map(checkins.map((checkin) => [checkin.date, checkin]));
    const data: uPlot.AlignedData = [
      days.map(daySeconds),
      days.map((day) => byDay.get(day)?.mood ?? null),
      days.map((day) => byDay.get(day)?.craving ?? null),
    ];
    const dateFormat = new Intl.DateTimeFormat(locale, {
      month: "short",
      day: "numeric",
      timeZone: "UTC",
    });
    const chart = new uPlot(
      {
        width: Math.max(240, element.clientWidth),
        height: HEIGHT,
        legend: { show: false },
        cursor: { drag: { x: false, y: false }, points: { size: 8 } },
        scales: { x: { time: true }, y: { range: [0, 10] } },
        axes: [
          {
            values: (_chart, splits) => splits.map((split) => dateFormat.format(split * 1000)),
            space: 70,
            stroke: "#485559",
            grid: { stroke: "#e3e7e8" },
          },
          {
            splits: () => [0, 2, 4, 6, 8, 10],
            size: 32,
            stroke: "#485559",
            grid: { stroke: "#e3e7e8" },
          },
        ],
        series: [
          {},
          {
            label: moodLabel,
            stroke: MOOD_COLOUR,
            width: 2.5,
            spanGaps: true,
            points: { show: true, size: 6, fill: MOOD_COLOUR },
          },
          {
            label: cravingLabel,
            stroke: CRAVING_COLOUR,
            width: 2.5,
            dash: [8, 5],
            spanGaps: true,
            points: { show: true, size: 6, fill: "#ffffff" },
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
  }, [checkins, from, to, locale, moodLabel, cravingLabel]);

  return (
    <>
      <div ref={container} className="chart" aria-hidden="true" />
      <ul className="mood-legend" aria-hidden="true">
        <li>
          <span className="legend-line mood" />
          {moodLabel}
        </li>
        <li>
          <span className="legend-line craving" />
          {cravingLabel}
        </li>
      </ul>
    </>
  );
}
