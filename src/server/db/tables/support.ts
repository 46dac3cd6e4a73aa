/**
 * The support side's tables (migration 0008_support). Member data is keyed by member_id
 * first (Citus-ready); organization data by organization_id. Instants are ISO text, local
 * days 'YYYY-MM-DD', wall times 'HH:MM', yes/no 0/1 integers, lists JSON text.
 */

/** A person in the member's corner. Nothing is shared with them. */
export interface SupportContactTable {
  member_id: string;
  id: string;
  name: string;
  role: string;
  phone: string | null;
  reach: string;
  reach_note: string | null;
  notes: string | null;
  /** JSON list of plan step ids. */
  plan_step_ids: string;
  created_at: string;
  updated_at: string;
}

/**
 * A weekly meeting, owned by the member who imported or entered it, or by an organization
 * (from a feed URL its admin registered). owner_id is a user id or an organization id.
 */
export interface MeetingTable {
  owner_id: string;
  id: string;
  owner_kind: "member" | "organization";
  feed_id: string | null;
  slug: string;
  name: string;
  /** JSON list of weekdays, 0 = Sunday. */
  days: string;
  time: string;
  end_time: string | null;
  time_zone: string;
  /** JSON list of Meeting Guide type codes. */
  types: string;
  online: number;
  in_person: number;
  location: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  conference_url: string | null;
  notes: string | null;
  group_name: string | null;
  created_at: string;
  updated_at: string;
}

/** A feed URL an organization admin registered; refreshed on a schedule. */
export interface MeetingFeedTable {
  organization_id: string;
  id: string;
  url: string;
  time_zone: string;
  created_by: string;
  created_at: string;
  last_fetched_at: string | null;
  last_error: string | null;
}

export interface SavedMeetingTable {
  member_id: string;
  meeting_id: string;
  created_at: string;
  /** Minutes before each start to send a reminder; null for none (0009_meeting_reminders). */
  remind_before_minutes: number | null;
  /** The meeting start last reminded of (an instant), claimed before sending. */
  reminded_for: string | null;
}

/** A meeting the member went to, self-reported unless a signer's name is given. */
export interface AttendanceTable {
  member_id: string;
  id: string;
  meeting_id: string | null;
  meeting_name: string;
  at: string;
  local_day: string;
  note: string | null;
  signer_name: string | null;
  created_at: string;
}

/** An organization's own crisis lines for a region (JSON list of CrisisResource). */
export interface CrisisResourceOverrideTable {
  organization_id: string;
  region: string;
  resources: string;
  updated_by: string;
  updated_at: string;
}

/** Where the member keeps their naloxone, and when it expires. One row per member. */
export interface NaloxoneKitTable {
  member_id: string;
  location: string;
  expires_on: string | null;
  updated_at: string;
}
