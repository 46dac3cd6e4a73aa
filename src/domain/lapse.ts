import { crisisResourcesFor } from "./crisis-resources";

/**
 * What Waymark shows right after a person records use: safety first, then the way back.
 * Only message keys travel; the words live in the locale catalogs and every fact behind
 * them is sourced in docs/clinical-sources.md ("Lapse and return: overdose safety").
 *
 * A lapse is an event to learn from, not proof of failure (the abstinence-violation
 * effect, named gently): nothing here resets progress to zero.
 */
export const SAFETY_MESSAGE_KEYS = {
  /** Tolerance drops after days without use, so the amount used before can now kill. */
  tolerance: "lapse.safety.tolerance",
  /** Street opioids and other drugs may contain fentanyl; test strips, start low, go slow. */
  fentanyl: "lapse.safety.fentanyl",
  /** Alcohol, benzodiazepines and xylazine slow breathing too; naloxone reverses only opioids. */
  mixing: "lapse.safety.mixing",
  /** Carry naloxone, tell someone where it is; it reverses an opioid overdose. */
  naloxone: "lapse.safety.naloxone",
  /** Never use alone; the Never Use Alone line stays on the phone and sends help. */
  neverUseAlone: "lapse.safety.neverUseAlone",
  /** Signs of overdose and what to do: call 911, give naloxone, rescue breathing. */
  overdoseSigns: "lapse.safety.overdoseSigns",
} as const;

export const RETURN_MESSAGE_KEYS = {
  /** A lapse is a moment to learn from, not a verdict; your days in recovery still count. */
  notAFailure: "lapse.return.notAFailure",
  /** Offer to call someone from the member's support people. */
  callSupport: "lapse.return.callSupport",
  /** One concrete next step back on the plan. */
  nextStep: "lapse.return.nextStep",
} as const;

export interface PhoneNumber {
  tel: string;
  display: string;
}

export interface LapseSafety {
  /** In the order to show them. */
  messageKeys: string[];
  returnMessageKeys: string[];
  neverUseAlone: PhoneNumber;
  emergency: PhoneNumber;
  /**
   * Days without use right before the day of this use. More than zero means tolerance
   * may have dropped since the last use, which the tolerance message says in words.
   */
  daysWithoutUseBefore: number;
}

export function lapseSafety(daysWithoutUseBefore: number, region = "US"): LapseSafety {
  const resources = crisisResourcesFor("en", region);
  const neverUseAlone = resources.find((r) => r.id === "never-use-alone");
  const emergency = resources.find((r) => r.id === "emergency");
  if (!neverUseAlone || !emergency) throw new Error(`No safety lines for region ${region}`);
  const keys = SAFETY_MESSAGE_KEYS;
  // After days without use the dropped tolerance is the sharpest danger; during ongoing
  // use the unknown strength of the supply (fentanyl) comes first.
  const first =
    daysWithoutUseBefore > 0 ? [keys.tolerance, keys.fentanyl] : [keys.fentanyl, keys.tolerance];
  const messageKeys = [
    ...first,
    keys.mixing,
    keys.naloxone,
    keys.neverUseAlone,
    keys.overdoseSigns,
  ];
  return {
    messageKeys,
    returnMessageKeys: [
      RETURN_MESSAGE_KEYS.notAFailure,
      RETURN_MESSAGE_KEYS.callSupport,
      RETURN_MESSAGE_KEYS.nextStep,
    ],
    neverUseAlone: { tel: neverUseAlone.tel, display: neverUseAlone.display },
    emergency: { tel: emergency.tel, display: emergency.display },
    daysWithoutUseBefore,
  };
}
