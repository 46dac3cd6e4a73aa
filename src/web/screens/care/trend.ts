import { compareIso } from "../../../domain/iso-order";

/** Facts a care team reads from a member's check-ins, the same ones the chart draws. Pure. */
export interface CheckinTrend {
  count: number;
  moodAverage: number;
  cravingAverage: number;
  /** The most recent check-in's day and numbers. */
  latest: { day: string; mood: number; craving: number };
}

export function checkinTrend(
  checkins: readonly { day: string; mood: number; craving: number }[],
): CheckinTrend | null {
  if (checkins.length === 0) return null;
  const sorted = [...checkins].sort((a, b) => compareIso(a.day, b.day));
  const sum = (pick: (c: (typeof sorted)[number]) => number) =>
    sorted.reduce((total, checkin) => total + pick(checkin), 0);
  const latest = sorted[sorted.length - 1] ?? sorted[0];
  if (!latest) return null;
  return {
    count: sorted.length,
    moodAverage: sum((c) => c.mood) / sorted.length,
    cravingAverage: sum((c) => c.craving) / sorted.length,
    latest: { day: latest.day, mood: latest.mood, craving: latest.craving },
  };
}
