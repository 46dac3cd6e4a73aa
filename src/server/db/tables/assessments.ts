/**
 * Tables of assessments and the withdrawal tracker (migration 0006_assessments). Answers and
 * scores are JSON text so both dialects read them back the same way; instants are ISO UTC.
 */
export interface AssessmentResponseTable {
  member_id: string;
  id: string;
  instrument_id: string;
  instrument_version: string;
  /** JSON object: linkId → chosen option code. */
  answers: string;
  /** JSON: the InstrumentScore computed when it was stored. */
  score: string;
  at: string;
  /** The actor who entered it; today always the member (writes by others are refused). */
  entered_by: string;
  episode_id: string | null;
  hours_since_last_use: number | null;
  created_at: string;
}

export interface WithdrawalEpisodeTable {
  member_id: string;
  id: string;
  opioid_type: string;
  last_use_at: string;
  started_at: string;
  ended_at: string | null;
  created_at: string;
}
