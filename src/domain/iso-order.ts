/**
 * Orders ISO 8601 dates and instants (fixed width, most significant first), which sort by their
 * code units. `String#localeCompare` would build an ICU collator on first use, tens of
 * milliseconds on a cheap phone before Today can draw (docs/performance.md), and a collator's
 * rules are for people's words, not timestamps. Names still sort with localeCompare.
 */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
