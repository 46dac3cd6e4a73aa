import type { Generated } from "kysely";
import type { AssessmentResponseTable, WithdrawalEpisodeTable } from "./tables/assessments";
import type {
  ClinicalNoteTable,
  ConsentTermsTable,
  PlanSuggestionTable,
  SupportRequestTable,
} from "./tables/care";
import type { CheckinTable, CopingUseTable, CravingTable, UseEventTable } from "./tables/daily";
import type {
  LessonAssignmentTable,
  LessonCompletionTable,
  LessonProgressTable,
} from "./tables/lessons";
import type {
  AppointmentTable,
  CalendarFeedTable,
  DoseLogTable,
  MedicationRegimenTable,
  NotificationPreferenceTable,
  PushSubscriptionTable,
  RegimenChangeTable,
  ReminderTable,
} from "./tables/medication";
import type { MessageSendWindowTable, MessageTable, MessageThreadTable } from "./tables/messages";
import type { PasskeyTable, WebauthnChallengeTable } from "./tables/passkeys";
import type {
  PeerGroupMemberTable,
  PeerMuteTable,
  PeerPostTable,
  PeerReportTable,
  PeerSupportTable,
} from "./tables/peer-group";
import type {
  MotivationTable,
  PlanEventTable,
  PlanGoalTable,
  PlanHeadTable,
  PlanReviewTable,
  PlanStepTable,
  ReadinessRatingTable,
  RecoveryProfileTable,
} from "./tables/plan";
import type {
  RewardCatalogueTable,
  RewardLedgerTable,
  RewardOccasionTable,
  RewardSettingsTable,
  RewardTargetTable,
} from "./tables/rewards";
import type {
  PasswordResetLinkTable,
  RecoveryCodeTable,
  TotpFactorTable,
} from "./tables/second-factor";
import type {
  AttendanceTable,
  CrisisResourceOverrideTable,
  MeetingFeedTable,
  MeetingTable,
  NaloxoneKitTable,
  SavedMeetingTable,
  SupportContactTable,
} from "./tables/support";

/**
 * The database as Kysely sees it. Instants are ISO-8601 UTC strings in both dialects
 * (PostgreSQL timestamptz values are parsed back to ISO strings in connect.ts), so
 * comparisons and the audit hash see the same text everywhere.
 */
export interface Database {
  organizations: OrganizationTable;
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  invites: InviteTable;
  auth_failures: AuthFailureTable;
  consent_grants: ConsentGrantTable;
  audit_events: AuditEventTable;
  audit_head: AuditHeadTable;
  idempotency_keys: IdempotencyKeyTable;
  installation_keys: InstallationKeyTable;
  rate_limit_hits: RateLimitHitTable;
  // Everyday record (issue 4): src/server/db/tables/daily.ts
  checkins: CheckinTable;
  cravings: CravingTable;
  coping_uses: CopingUseTable;
  use_events: UseEventTable;
  recovery_profiles: RecoveryProfileTable;
  plan_goals: PlanGoalTable;
  plan_steps: PlanStepTable;
  plan_events: PlanEventTable;
  plan_heads: PlanHeadTable;
  motivations: MotivationTable;
  readiness_ratings: ReadinessRatingTable;
  plan_reviews: PlanReviewTable;
  // Medication, appointments, reminders, calendar feeds (issue 6): ./tables/medication.ts
  medication_regimens: MedicationRegimenTable;
  regimen_changes: RegimenChangeTable;
  dose_logs: DoseLogTable;
  appointments: AppointmentTable;
  reminders: ReminderTable;
  notification_preferences: NotificationPreferenceTable;
  push_subscriptions: PushSubscriptionTable;
  calendar_feeds: CalendarFeedTable;
  // Assessments and the withdrawal tracker (issue 5): ./tables/assessments.ts
  assessment_responses: AssessmentResponseTable;
  withdrawal_episodes: WithdrawalEpisodeTable;
  // The care team (issue 7): ./tables/care.ts
  consent_terms: ConsentTermsTable;
  clinical_notes: ClinicalNoteTable;
  plan_suggestions: PlanSuggestionTable;
  // Support people, meetings, attendance, crisis lines, naloxone (issue 8): ./tables/support.ts
  support_contacts: SupportContactTable;
  meetings: MeetingTable;
  meeting_feeds: MeetingFeedTable;
  saved_meetings: SavedMeetingTable;
  attendance: AttendanceTable;
  crisis_resource_overrides: CrisisResourceOverrideTable;
  naloxone_kits: NaloxoneKitTable;
  // "Asked for support", the supporter view's signal (issue 7): ./tables/care.ts
  support_requests: SupportRequestTable;
  account_deletions: AccountDeletionTable;
  // Contingency management (issue 18): ./tables/rewards.ts
  reward_settings: RewardSettingsTable;
  reward_catalogue: RewardCatalogueTable;
  reward_targets: RewardTargetTable;
  reward_occasions: RewardOccasionTable;
  reward_ledger: RewardLedgerTable;
  // The peer group (issue 17): ./tables/peer-group.ts
  peer_group_members: PeerGroupMemberTable;
  peer_mutes: PeerMuteTable;
  peer_posts: PeerPostTable;
  peer_support: PeerSupportTable;
  peer_reports: PeerReportTable;
  // Messages between a member and the people they share with (issue 17): ./tables/messages.ts
  message_threads: MessageThreadTable;
  messages: MessageTable;
  message_send_windows: MessageSendWindowTable;
  // Lessons: progress, completions, assignments (issue 18): ./tables/lessons.ts
  lesson_progress: LessonProgressTable;
  lesson_completions: LessonCompletionTable;
  lesson_assignments: LessonAssignmentTable;
  // Second factor and account recovery (issue 19): ./tables/second-factor.ts
  totp_factors: TotpFactorTable;
  recovery_codes: RecoveryCodeTable;
  password_reset_links: PasswordResetLinkTable;
  // Passkeys as a second factor (issue 19): ./tables/passkeys.ts
  passkeys: PasskeyTable;
  webauthn_challenges: WebauthnChallengeTable;
  // (feature tables go above this line)
}

export interface OrganizationTable {
  id: string;
  name: string;
  created_at: string;
}

export interface UserTable {
  id: string;
  email: string;
  password_hash: string;
  display_name: string | null;
  time_zone: string;
  locale: string;
  created_at: string;
}

export interface MembershipTable {
  organization_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface SessionTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  idle_timeout_seconds: number;
  absolute_expires_at: string;
  user_agent: string | null;
  revoked_at: string | null;
  /** When this session was given the person's second factor; null while "partly signed in". */
  second_factor_verified_at: string | null;
}

export interface InviteTable {
  token_hash: string;
  organization_id: string;
  role: string;
  email: string | null;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
}

/** Consecutive failed sign-ins per account, for throttling (NIST SP 800-63B-4 §3.2.2). */
export interface AuthFailureTable {
  email: string;
  consecutive_failures: number;
  last_failure_at: string;
}

/**
 * A member's consent for someone else to see named categories of their data.
 * Keyed by member_id first so a distributed PostgreSQL can shard it with the member's data.
 */
export interface ConsentGrantTable {
  member_id: string;
  id: string;
  grantee_user_id: string;
  purpose: string;
  categories: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface AuditEventTable {
  seq: number;
  id: string;
  at: string;
  actor_id: string;
  member_id: string;
  action: string;
  resource: string;
  purpose: string | null;
  outcome: string;
  prev_hash: string;
  hash: string;
}

/** One row: the last link of the audit chain. Updating it serialises appends on both dialects. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/** The answer given to a write sent with an Idempotency-Key, replayed when it is retried. */
export interface IdempotencyKeyTable {
  user_id: string;
  key: string;
  fingerprint: string;
  status_code: number;
  response_body: string;
  created_at: string;
}

/** A key that every server process of one installation shares (the VAPID pair). */
export interface InstallationKeyTable {
  name: string;
  value: string;
  created_at: string;
}

/** Requests one route has had from one address in one fixed window (security/shared-rate-limit.ts). */
export interface RateLimitHitTable {
  bucket: string;
  window_start: number;
  hits: number;
}

/** A member's request to delete their account, carried out at due_at unless taken back. */
export interface AccountDeletionTable {
  member_id: string;
  requested_at: string;
  due_at: string;
}

export type { Generated };
