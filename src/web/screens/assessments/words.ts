import type { z } from "zod";
import type { Assessment, instrumentSummarySchema } from "../../../domain/api/assessments";
import { compareIso } from "../../../domain/iso-order";
import type { I18n } from "../../i18n/context";
import { isMessageKey } from "../../i18n/translate";
import type { ChartRegion, RegionTone } from "./ScoreChart";

export type InstrumentSummary = z.infer<typeof instrumentSummarySchema>;

/** A catalog entry by a key built at run time, or "" when the catalog has none. */
export function textFor({ t }: I18n, key: string): string {
  return isMessageKey(key) ? t(key) : "";
}

/** The band's words from the instrument list (in the person's language); none when there is no band. */
export function bandLabel(summary: InstrumentSummary | undefined, code: string | undefined) {
  if (!summary || !code) return undefined;
  return summary.bands.find((band) => band.code === code)?.label;
}

/** Same colour for the same band name on every instrument (COWS "mild" looks like PHQ-9 "mild"). */
const TONE_BY_BAND: Readonly<Record<string, RegionTone>> = {
  "none-minimal": 0,
  mild: 1,
  moderate: 2,
  "moderately-severe": 3,
  severe: 4,
};

/** Severity bands as horizontal regions; none for instruments whose source defines none (SOWS). */
export function bandRegions(summary: InstrumentSummary | undefined): ChartRegion[] {
  const bands = summary?.bands ?? [];
  return bands.map((band, index) => ({
    axis: "y",
    from: band.min,
    // Whole-number bands (5–9, 10–14) meet at the next band's start, so no gap is drawn.
    to: index === bands.length - 1 ? band.max : band.max + 1,
    label: band.label,
    tone: TONE_BY_BAND[band.code] ?? 0,
  }));
}

/** Responses with a total, oldest first. */
export const scored = (assessments: readonly Assessment[]) =>
  assessments
    .filter((assessment) => assessment.score.total !== null)
    .sort((a, b) => compareIso(a.at, b.at));

export function formatWhen(at: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
  }).format(new Date(at));
}
