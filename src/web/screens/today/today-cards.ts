import type { ComponentType } from "react";
import { CheckinTodayCard } from "../daily/CheckinTodayCard";
import { PlanTodayCard } from "../plan/plan-section";

/**
 * Cards on Today, in the order a person needs them (today's check-in first). Each feature
 * adds its card here; a card fetches what it needs and shows its own loading and empty state.
 */
export const todayCards: { id: string; Card: ComponentType }[] = [
  { id: "checkin", Card: CheckinTodayCard },
  // The plan comes after today's check-in: keep the check-in card above this entry.
  { id: "plan", Card: PlanTodayCard },
  // (feature cards go above this line)
];
