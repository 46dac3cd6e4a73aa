import type { Locale } from "./api/auth";

/**
 * Crisis lines shown on the help screen, keyed by locale and region. Numbers and their
 * descriptions come from the sources in docs/clinical-sources.md; an organization will be
 * able to override them for its region.
 */
export interface CrisisResource {
  id: string;
  /** Message key for the name and description in the locale catalogs. */
  messageKey: string;
  /** What to dial, in tel: form. */
  tel: string;
  /** The number as people read it. */
  display: string;
  /** Optional SMS number, for lines that take texts. */
  sms?: string;
}

const unitedStates: CrisisResource[] = [
  { id: "988", messageKey: "crisis.line988", tel: "988", display: "988", sms: "988" },
  {
    id: "samhsa",
    messageKey: "crisis.samhsa",
    tel: "18006624357",
    display: "1-800-662-4357",
  },
  {
    id: "never-use-alone",
    messageKey: "crisis.neverUseAlone",
    tel: "18004843731",
    display: "800-484-3731",
  },
  { id: "emergency", messageKey: "crisis.emergency", tel: "911", display: "911" },
];

const resourcesByRegion: Record<string, CrisisResource[]> = { US: unitedStates };

export function crisisResourcesFor(_locale: Locale, region = "US"): CrisisResource[] {
  return resourcesByRegion[region] ?? unitedStates;
}
