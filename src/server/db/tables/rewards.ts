import type { LedgerKind } from "../../../domain/rewards/ledger";

/** Contingency management (migration 0021). Occasions and the ledger are append-only. */

/** An organization's escalation schedule and yearly cap, in points. */
export interface RewardSettingsTable {
  organization_id: string;
  start_points: number;
  step_points: number;
  max_points_per_occasion: number | null;
  bonus_every: number | null;
  bonus_points: number;
  yearly_cap_points: number;
  updated_by: string;
  updated_at: string;
}

/** A reward the clinic lists; retired ones stay (old ledger lines name them). */
export interface RewardCatalogueTable {
  organization_id: string;
  id: string;
  name: string;
  description: string;
  points_cost: number;
  /** 1 listed, 0 retired. */
  active: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A behaviour a clinician set for the member, that staff verify. */
export interface RewardTargetTable {
  member_id: string;
  id: string;
  organization_id: string;
  kind: string;
  times_per_week: number;
  note: string;
  created_by: string;
  created_at: string;
  ended_at: string | null;
}

/** One verified occasion (met | missed), or a "correction" row taking back `corrects_id`. */
export interface RewardOccasionTable {
  member_id: string;
  id: string;
  target_id: string;
  occurred_on: string;
  outcome: string;
  corrects_id: string | null;
  recorded_by: string;
  recorded_at: string;
}

/** One line of the points ledger; never changed, never removed. */
export interface RewardLedgerTable {
  member_id: string;
  id: string;
  position: number;
  organization_id: string;
  kind: LedgerKind;
  points: number;
  withheld: number;
  local_day: string;
  occasion_id: string | null;
  reward_id: string | null;
  reward_name: string | null;
  reverses_id: string | null;
  actor_id: string;
  created_at: string;
}
