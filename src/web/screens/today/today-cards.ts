import type { ComponentType } from "react";

/**
 * Cards on Today, in the order a person needs them (today's check-in first). Each feature
 * adds its card here; a card fetches what it needs and shows its own loading and empty state.
 */
export const todayCards: { id: string; Card: ComponentType }[] = [
  // (feature cards go above this line)
];
