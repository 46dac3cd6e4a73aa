import type { Kysely } from "kysely";
import type { DataCategory } from "../../../domain/consent";
import type { Database } from "../../db/schema";
import { authorizeMemberAccess } from "../../security/policy";
import type { Actor } from "../../security/session";

/**
 * Who may see the support side. Writes are the member's alone (the policy refuses anyone
 * else's). Reads by others need a grant: support people, meetings, saved meetings and naloxone
 * under "support" (the member's own circle, never opened by a grant for anything else),
 * attendance under "appointments" (a court or program may need the record).
 */
export const CONTACTS_CATEGORY: DataCategory = "support";
export const ATTENDANCE_CATEGORY: DataCategory = "appointments";

export async function authorize(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  category: DataCategory,
  action: "read" | "write",
  resource: string,
  now: Date,
): Promise<void> {
  await authorizeMemberAccess(db, actor, { memberId, category, action, resource }, now);
}

/** Blank free text is "not said". */
export const textOrNull = (value: string | null | undefined): string | null =>
  value ? value : null;
