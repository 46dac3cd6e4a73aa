/**
 * Tables of the everyday record (migration 0003_daily). Yes/no answers are 0/1 integers,
 * null when not answered; local days are 'YYYY-MM-DD' text in the member's zone at the time.
 */
export interface CheckinTable {
  member_id: string;
  local_day: string;
  mood: number;
  craving: number;
  used: number;
  medication_taken: number | null;
  sleep_hours: number | null;
  stress: number | null;
  halt_hungry: number | null;
  halt_angry: number | null;
  halt_lonely: number | null;
  halt_tired: number | null;
  meeting: number | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface CravingTable {
  member_id: string;
  id: string;
  at: string;
  local_day: string;
  intensity: number;
  trigger_kind: string | null;
  trigger_text: string | null;
  place: string | null;
  people: string | null;
  feeling: string | null;
  what_i_did: string | null;
  passed: number | null;
  duration_minutes: number | null;
  created_at: string;
}

export interface CopingUseTable {
  member_id: string;
  id: string;
  at: string;
  local_day: string;
  tool: string;
  craving_id: string | null;
  passed: number | null;
  created_at: string;
}

/** A recorded use (a lapse), written by the member; `place` is the "where" they gave. */
export interface UseEventTable {
  member_id: string;
  id: string;
  at: string;
  local_day: string;
  substance: string | null;
  amount: string | null;
  place: string | null;
  note: string | null;
  created_at: string;
}
