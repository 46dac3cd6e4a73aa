/**
 * The Part 2 terms of a consent grant (migration 0007); the grant itself, which the access
 * policy reads on every request, stays in `consent_grants`.
 */
export interface ConsentTermsTable {
  member_id: string;
  grant_id: string;
  /** The event that ends the grant when it has no date ("when I finish treatment at …"). */
  expiry_event: string | null;
  /** The member's typed name, their signature. */
  signature_name: string;
  signed_at: string;
  /** 1: the member saw and accepted the statement that they can revoke at any time. */
  revocation_acknowledged: number;
  /** Which wording of the consent statement the member signed. */
  statement_version: string;
}

/** A visit note by a clinician, visible to the member (migration 0007). */
export interface ClinicalNoteTable {
  member_id: string;
  id: string;
  author_id: string;
  body: string;
  created_at: string;
}

/** A plan step a clinician suggests; the member accepts (it becomes a step) or declines. */
export interface PlanSuggestionTable {
  member_id: string;
  id: string;
  author_id: string;
  goal_id: string;
  title: string;
  note: string;
  /** pending | accepted | declined */
  status: string;
  /** The plan step made on acceptance. */
  step_id: string | null;
  created_at: string;
  responded_at: string | null;
}

/** A member's ask for support (migration 0010): only when, never words or a reason. */
export interface SupportRequestTable {
  member_id: string;
  id: string;
  created_at: string;
}
