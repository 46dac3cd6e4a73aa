import { bam } from "./bam";
import { barc10 } from "./barc10";
import { cows } from "./cows";
import { gad7 } from "./gad7";
import { phq9 } from "./phq9";
import type { InstrumentDef, InstrumentId } from "./questionnaire";
import { sows } from "./sows";

/**
 * The instruments Waymark ships, in the order a list shows them. The readiness ruler is not
 * here: it lives with the plan (src/domain/readiness.ts, operation recordReadiness).
 */
export const INSTRUMENTS: readonly InstrumentDef[] = [sows, cows, bam, barc10, phq9, gad7];

export const INSTRUMENT_IDS = INSTRUMENTS.map((def) => def.id) as [InstrumentId, ...InstrumentId[]];

export function findInstrument(id: string): InstrumentDef | undefined {
  return INSTRUMENTS.find((def) => def.id === id);
}
