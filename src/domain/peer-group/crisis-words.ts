/**
 * Words in a peer post that mean the poster may be in danger right now. When one appears, the
 * poster is shown the crisis lines right after posting; the post still goes up (a person
 * reaching out to peers should not be silenced at that moment; see docs/security.md).
 *
 * Sources (docs/clinical-sources.md, "Peer group: crisis words"): the warning signs of suicide
 * as NIMH and the 988 Suicide & Crisis Lifeline word them — talking about wanting to die or to
 * kill oneself, having no reason to live — in English and in NIMH's Spanish edition, and the
 * word overdose itself (SAMHSA, Overdose Prevention and Response Toolkit). A short list on
 * purpose: it is a prompt to show help, not a classifier, and it never hides a post.
 */
export const CRISIS_PHRASES = {
  en: [
    "suicide",
    "suicidal",
    "kill myself",
    "killing myself",
    "end my life",
    "ending my life",
    "want to die",
    "wanna die",
    "no reason to live",
    "better off dead",
    "overdose",
    "overdosed",
    "overdosing",
  ],
  es: [
    "suicidio",
    "suicida",
    "suicidarme",
    "matarme",
    "quitarme la vida",
    "acabar con mi vida",
    "quiero morir",
    "quiero morirme",
    "no tengo razon para vivir",
    "sobredosis",
  ],
} as const;

/** Lower case, accents removed, anything but letters and digits turned into single spaces. */
export function normalizeForCrisisCheck(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const PHRASES = [...CRISIS_PHRASES.en, ...CRISIS_PHRASES.es].map(normalizeForCrisisCheck);

/**
 * Whether the text holds a crisis phrase as whole words, in either language (people mix
 * them), whatever the case, accents or punctuation around it.
 */
export function mentionsCrisis(text: string): boolean {
  const padded = ` ${normalizeForCrisisCheck(text)} `;
  return PHRASES.some((phrase) => padded.includes(` ${phrase} `));
}
