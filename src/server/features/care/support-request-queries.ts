import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { SupportRequestTable } from "../../db/tables/care";

/** The member's latest ask for support at or after `since`, if any. */
export function latestSupportRequest(
  db: Kysely<Database>,
  memberId: string,
  since: string,
): Promise<SupportRequestTable | undefined> {
  return db
    .selectFrom("support_requests")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("created_at", ">=", since)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function insertSupportRequest(
  db: Kysely<Database>,
  request: SupportRequestTable,
): Promise<void> {
  await db.insertInto("support_requests").values(request).execute();
}

/** True when a request was there to delete. */
export async function deleteSupportRequest(
  db: Kysely<Database>,
  memberId: string,
  requestId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom("support_requests")
    .where("member_id", "=", memberId)
    .where("id", "=", requestId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Locks the member's row until the transaction ends (a no-op write every store accepts). */
export async function holdMember(db: Kysely<Database>, memberId: string): Promise<void> {
  await db
    .updateTable("users")
    .set((eb) => ({ id: eb.ref("id") }))
    .where("id", "=", memberId)
    .execute();
}
