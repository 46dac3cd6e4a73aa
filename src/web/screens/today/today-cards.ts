import type { ComponentType } from "react";
import { AssessmentsTodayCard } from "../assessments/AssessmentsTodayCard";
import { CareTodayCard } from "../care/CareTodayCard";
import { CheckinTodayCard } from "../daily/CheckinTodayCard";
import { LessonsTodayCard } from "../lessons/LessonsTodayCard";
import { MedicationTodayCard } from "../medication/MedicationTodayCard";
import { PlanTodayCard } from "../plan/plan-section";
import { RewardsTodayCard } from "../rewards/RewardsTodayCard";

/**
 * Cards on Today, in the order a person needs them (today's check-in first). Each feature
 * adds its card here; a card reads its part of Today's one answer (`useToday`, from GET
 * /api/today: a new card adds its part there) and shows its own loading and empty state.
 */
export const todayCards: { id: string; Card: ComponentType }[] = [
  { id: "checkin", Card: CheckinTodayCard },
  // The plan comes after today's check-in: keep the check-in card above this entry.
  { id: "plan", Card: PlanTodayCard },
  { id: "assessments", Card: AssessmentsTodayCard },
  { id: "medication", Card: MedicationTodayCard },
  { id: "care", Card: CareTodayCard },
  { id: "rewards", Card: RewardsTodayCard },
  { id: "lessons", Card: LessonsTodayCard },
  // (feature cards go above this line)
];
