/**
 * The medication feature's tables (migration 0005_medication). Every table is keyed by
 * member_id first (Citus-ready); instants are ISO text, local days 'YYYY-MM-DD', wall
 * times 'HH:MM', yes/no 0/1 integers, schedules JSON text.
 */

/** One row per member: the regimen in force and the take-home doses on hand. */
export interface MedicationRegimenTable {
  member_id: string;
  medication: string;
  dose_amount: number;
  dose_unit: string;
  /** JSON of a DoseSchedule (src/domain/dose-schedule.ts). */
  schedule: string;
  dispensing_name: string | null;
  dispensing_hours: string | null;
  dispensing_phone: string | null;
  take_homes_on_hand: number;
  prescriber: string | null;
  effective_date: string;
  note: string | null;
  created_at: string;
  updated_at: string;
}

/** Each prescription change (medication, amount, unit or schedule), with its effective day. */
export interface RegimenChangeTable {
  member_id: string;
  id: string;
  medication: string;
  dose_amount: number;
  dose_unit: string;
  schedule: string;
  prescriber: string | null;
  effective_date: string;
  note: string | null;
  recorded_at: string;
}

/** A dose the member logged: taken, taken late or missed; at most one per scheduled dose. */
export interface DoseLogTable {
  member_id: string;
  id: string;
  status: string;
  taken_at: string | null;
  scheduled_for: string | null;
  local_day: string;
  take_home: number;
  note: string | null;
  recorded_at: string;
}

export interface AppointmentTable {
  member_id: string;
  id: string;
  kind: string;
  title: string | null;
  starts_at: string;
  ends_at: string | null;
  place: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReminderTable {
  member_id: string;
  id: string;
  kind: string;
  local_time: string;
  /** Comma-separated weekdays: "mon,tue,…". */
  days: string;
  enabled: number;
  /** The occurrence last sent, so a reminder goes out once per occurrence. */
  last_sent_for: string | null;
  created_at: string;
  updated_at: string;
}

/** Per-member notification choice: details (medication names, places) or discreet text. */
export interface NotificationPreferenceTable {
  member_id: string;
  details: number;
  updated_at: string;
}

export interface PushSubscriptionTable {
  member_id: string;
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  created_at: string;
  last_sent_at: string | null;
  failures: number;
}

/** A secret calendar address; only the token's SHA-256 is stored. */
export interface CalendarFeedTable {
  member_id: string;
  id: string;
  token_hash: string;
  details: number;
  created_at: string;
  revoked_at: string | null;
  last_fetched_at: string | null;
}
