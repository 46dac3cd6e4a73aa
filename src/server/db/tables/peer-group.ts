/**
 * The peer group (issue 17): who opted in and under which alias, mutes, posts and replies,
 * support reactions and reports. Every table starts its key with the member it belongs to
 * (the author, the one who reacted or reported), as every member-data table does.
 */
export interface PeerGroupMemberTable {
  member_id: string;
  organization_id: string;
  alias: string;
  /** Lower case, accents removed: unique per organization. */
  alias_key: string;
  /** 0 until the rules notice is acknowledged; then the version acknowledged. */
  rules_version: number;
  rules_acknowledged_at: string | null;
  joined_at: string;
}

/** Kept apart from membership so leaving and joining again does not lift a mute. */
export interface PeerMuteTable {
  member_id: string;
  organization_id: string;
  muted_by: string;
  muted_at: string;
}

export interface PeerPostTable {
  member_id: string;
  id: string;
  organization_id: string;
  channel: string;
  /** The post this replies to; replies are one level deep. */
  parent_id: string | null;
  body: string;
  created_at: string;
  hidden_at: string | null;
  hidden_by: string | null;
}

export interface PeerSupportTable {
  member_id: string;
  post_id: string;
  created_at: string;
}

export interface PeerReportTable {
  member_id: string;
  post_id: string;
  reason: string | null;
  created_at: string;
  /** Set when a moderator dealt with the post; the report leaves the queue. */
  resolved_at: string | null;
}
