/** One conversation between a member and one person they share "messages" with (0024). */
export interface MessageThreadTable {
  member_id: string;
  /** The clinician or supporter on the other side. */
  person_id: string;
  /** The number of the thread's latest message; 0 before the first. */
  last_seq: number;
  /** How far each side has read: messages numbered up to here are read. */
  member_read_seq: number;
  person_read_seq: number;
  created_at: string;
  last_message_at: string | null;
}

/** A message, numbered in its thread. Text only. */
export interface MessageTable {
  member_id: string;
  person_id: string;
  seq: number;
  id: string;
  sender_id: string;
  body: string;
  created_at: string;
}

/** How many messages a person sent in one window: the per-sender limit every process shares. */
export interface MessageSendWindowTable {
  /** The sender. */
  user_id: string;
  window_start: string;
  sent: number;
}
