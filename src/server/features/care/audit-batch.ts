import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { type AuditEventInput, linkHash, newAuditId } from "../../security/audit";

/**
 * Appends many audit events as one link run of the chain: one head update reserves the
 * sequence numbers, the events are hashed in order and inserted together. The caseload writes
 * one event per member listed; appending them one transaction at a time would cost a
 * round trip and a head-row lock each (500 members: seconds, not milliseconds).
 */
export async function appendAuditEvents(
  db: Kysely<Database>,
  inputs: readonly AuditEventInput[],
  now = new Date(),
): Promise<void> {
  if (inputs.length === 0) return;
  await db.transaction().execute(async (trx) => {
    const head = await trx
      .updateTable("audit_head")
      .set((eb) => ({ seq: eb("seq", "+", inputs.length) }))
      .where("id", "=", 1)
      .returning(["seq", "hash"])
      .executeTakeFirstOrThrow();
    let seq = Number(head.seq) - inputs.length;
    let prevHash = head.hash;
    const at = now.toISOString();
    const rows = inputs.map((input) => {
      seq += 1;
      const link = {
        seq,
        id: newAuditId(),
        at,
        actor_id: input.actorId,
        member_id: input.memberId,
        action: input.action,
        resource: input.resource,
        purpose: input.purpose,
        outcome: input.outcome,
        prev_hash: prevHash,
      };
      const hash = linkHash(link);
      prevHash = hash;
      return { ...link, hash };
    });
    for (let start = 0; start < rows.length; start += 500) {
      await trx
        .insertInto("audit_events")
        .values(rows.slice(start, start + 500))
        .execute();
    }
    await trx.updateTable("audit_head").set({ hash: prevHash }).where("id", "=", 1).execute();
  });
}
