import { createHash, randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { GENESIS_HASH } from "../db/migrations/0001_foundation";
import type { AuditEventTable, Database } from "../db/schema";

/**
 * An audit event's id: a UUID version 7 (RFC 9562), led by the millisecond it was made. The
 * caseload appends 500 events at once; random ids put each on its own page of the id index,
 * time-led ones land together at its end (docs/performance.md, sixth round). The random part
 * is a version-4 UUID's, which Node draws from a pool: no library needed, and no system call
 * per id.
 */
export function newAuditId(now = Date.now()): string {
  const time = now.toString(16).padStart(12, "0");
  const random = randomUUID();
  // randomUUID: xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx; keep its random digits and its variant.
  return `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(15, 18)}-${random.slice(19)}`;
}

/**
 * The audit log: append-only and hash-chained, so a changed, removed or reordered event is
 * detected by `waymark audit verify`. Every read of a member's data by someone else lands here.
 */
export interface AuditEventInput {
  actorId: string;
  memberId: string;
  action: string;
  resource: string;
  purpose: string | null;
  outcome: "allowed" | "denied";
}

type LinkFields = Omit<AuditEventTable, "hash">;

export function linkHash(event: LinkFields): string {
  const canonical = JSON.stringify([
    event.seq,
    event.id,
    event.at,
    event.actor_id,
    event.member_id,
    event.action,
    event.resource,
    event.purpose,
    event.outcome,
    event.prev_hash,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

/** Appends one event. Runs in its own transaction unless given one. */
export async function appendAuditEvent(
  db: Kysely<Database> | Transaction<Database>,
  input: AuditEventInput,
  now = new Date(),
): Promise<void> {
  if (db.isTransaction) return appendInTransaction(db as Transaction<Database>, input, now);
  await db.transaction().execute((trx) => appendInTransaction(trx, input, now));
}

async function appendInTransaction(
  trx: Transaction<Database>,
  input: AuditEventInput,
  now: Date,
): Promise<void> {
  // The update takes the head row's lock, so concurrent appends on PostgreSQL queue up here.
  const head = await trx
    .updateTable("audit_head")
    .set((eb) => ({ seq: eb("seq", "+", 1) }))
    .where("id", "=", 1)
    .returning(["seq", "hash"])
    .executeTakeFirstOrThrow();
  const link: LinkFields = {
    seq: Number(head.seq),
    id: newAuditId(),
    at: now.toISOString(),
    actor_id: input.actorId,
    member_id: input.memberId,
    action: input.action,
    resource: input.resource,
    purpose: input.purpose,
    outcome: input.outcome,
    prev_hash: head.hash,
  };
  const hash = linkHash(link);
  await trx
    .insertInto("audit_events")
    .values({ ...link, hash })
    .execute();
  await trx.updateTable("audit_head").set({ hash }).where("id", "=", 1).execute();
}

export type AuditVerification =
  | { ok: true; events: number }
  | { ok: false; events: number; brokenAtSeq: number; reason: string };

/** Walks the chain in order and reports the first link that does not hold. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditVerification> {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  const pageSize = 5000;
  for (;;) {
    const page = await db
      .selectFrom("audit_events")
      .selectAll()
      .where("seq", ">=", expectedSeq)
      .orderBy("seq")
      .limit(pageSize)
      .execute();
    for (const row of page) {
      const event = { ...row, seq: Number(row.seq) };
      if (event.seq !== expectedSeq) {
        return broken(checked, expectedSeq, `event ${expectedSeq} is missing`);
      }
      if (event.prev_hash !== expectedPrev) {
        return broken(checked, event.seq, "it does not link to the event before it");
      }
      if (linkHash(event) !== event.hash) {
        return broken(checked, event.seq, "its contents were changed after it was written");
      }
      expectedPrev = event.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (page.length < pageSize) break;
  }
  const head = await db
    .selectFrom("audit_head")
    .selectAll()
    .where("id", "=", 1)
    .executeTakeFirstOrThrow();
  if (Number(head.seq) !== checked || head.hash !== expectedPrev) {
    return broken(checked, checked + 1, "events at the end of the log were removed");
  }
  return { ok: true, events: checked };
}

/** The chain's last link: kept on another machine, it shows later that the log was not
 * rewritten up to there, even with every hash recomputed (ASVS 16.4.3). */
export async function readAuditHead(db: Kysely<Database>): Promise<{ seq: number; hash: string }> {
  const head = await db
    .selectFrom("audit_head")
    .select(["seq", "hash"])
    .where("id", "=", 1)
    .executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash };
}

/** Whether event `seq` still carries the hash a head kept elsewhere says it had. */
export async function matchesKeptHead(
  db: Kysely<Database>,
  kept: { seq: number; hash: string },
): Promise<boolean> {
  if (kept.seq === 0) return true;
  const row = await db
    .selectFrom("audit_events")
    .select("hash")
    .where("seq", "=", kept.seq)
    .executeTakeFirst();
  return row?.hash === kept.hash;
}

function broken(events: number, brokenAtSeq: number, reason: string): AuditVerification {
  return { ok: false, events, brokenAtSeq, reason };
}
