/**
 * The recovery plan's tables (migration 0004_plan). Every table is keyed by member_id first
 * (Citus-ready); instants are ISO text, local dates 'YYYY-MM-DD' text, lists JSON text.
 */

/** One row per member: the intake's answers and the figures other features read. */
export interface RecoveryProfileTable {
  member_id: string;
  /** The member's own recovery start, a local date. Progress (issue 4) counts from it. */
  recovery_start: string | null;
  /** What using cost a day, in the member's currency; "money regained" uses it. */
  cost_per_day: number | null;
  stage: string | null;
  /** JSON array of treatment keys. */
  treatment: string;
  /** JSON of everything the intake asked, as answered. */
  intake_answers: string;
  updated_at: string;
}

export interface PlanGoalTable {
  member_id: string;
  id: string;
  domain: string;
  title: string;
  why: string;
  target_date: string | null;
  status: string;
  position: number;
  template_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlanStepTable {
  member_id: string;
  id: string;
  goal_id: string;
  title: string;
  status: string;
  due_date: string | null;
  /** A name for now; issue 8 links it to the member's support people. */
  helper: string | null;
  note: string;
  position: number;
  template_key: string | null;
  /** When the step last became done; null otherwise. Progress counts steps done from it. */
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Append-only history of every change to the plan; seq counts per member from 1. */
export interface PlanEventTable {
  member_id: string;
  seq: number;
  at: string;
  actor_id: string;
  entity: string;
  entity_id: string;
  action: string;
  /** JSON {before, after} of the changed fields. */
  change: string;
}

/** The last plan event number per member; updating it serialises a member's plan writes. */
export interface PlanHeadTable {
  member_id: string;
  event_seq: number;
}

/** One JSON document per member (see features/plan/motivation-service.ts for why). */
export interface MotivationTable {
  member_id: string;
  document: string;
  updated_at: string;
}

export interface ReadinessRatingTable {
  member_id: string;
  id: string;
  recorded_at: string;
  importance: number;
  confidence: number;
  readiness: number;
  note: string | null;
}

export interface PlanReviewTable {
  member_id: string;
  id: string;
  review_date: string;
  created_at: string;
  went_well: string;
  was_hard: string;
  /** JSON array of {stepId, text}. */
  next_steps: string;
}
