/**
 * A small seeded random source (mulberry32), so the bench data set is the same on every
 * run and on both databases. Not for anything secret.
 */
export type Random = () => number;

export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed for one member derived from the run's seed, so member 7 is the same whatever N is. */
export function memberSeed(seed: number, memberIndex: number): number {
  // splitmix-style mixing of the two numbers into 32 bits
  let h = (seed ^ Math.imul(memberIndex + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** An integer in [min, max], both included. */
export function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: Random, choices: readonly T[]): T {
  const choice = choices[Math.floor(random() * choices.length)];
  if (choice === undefined) throw new Error("pick() needs at least one choice");
  return choice;
}

/** A version-4-shaped UUID drawn from the seeded source (repeatable, unlike randomUUID). */
export function uuidFrom(random: Random): string {
  let hex = "";
  for (let index = 0; index < 4; index += 1) {
    hex += Math.floor(random() * 4294967296)
      .toString(16)
      .padStart(8, "0");
  }
  const variant = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
