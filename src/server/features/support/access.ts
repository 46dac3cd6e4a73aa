import type { DataCategory } from "../../../domain/consent";

/**
 * Who may see the support side. Writes are the member's alone (the policy refuses anyone
 * else's). Reads by others need a grant: support people, meetings, saved meetings and naloxone
 * under "support" (the member's own circle, never opened by a grant for anything else),
 * attendance under "appointments" (a court or program may need the record).
 */
export const CONTACTS_CATEGORY: DataCategory = "support";
export const ATTENDANCE_CATEGORY: DataCategory = "appointments";

/** Blank free text is "not said". */
export const textOrNull = (value: string | null | undefined): string | null =>
  value ? value : null;
