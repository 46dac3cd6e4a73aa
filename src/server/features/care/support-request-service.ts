// "Let my supporters know I could use support": the member asks, in one tap and without words;
// whoever they share check-ins with sees "asked for support" and when, in the supporter view.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import {
  SUPPORT_REQUEST_CATEGORY,
  SUPPORT_REQUEST_COLLAPSE_MS,
  SUPPORT_REQUEST_WINDOW_MS,
  type SupportRequest,
} from "../../../domain/api/care";
import type { Database } from "../../db/schema";
import type { SupportRequestTable } from "../../db/tables/care";
import { notFound } from "../../errors";
import type { IdempotentResult, WriteOnce } from "../../http/idempotency";
import { authorizeMemberAccess } from "../../security/policy";
import type { Actor } from "../../security/session";
import * as queries from "./support-request-queries";

/**
 * Only the member asks (the policy refuses, and records, anyone else). An ask within 30 minutes
 * of the last one is that same ask: a person tapping twice in a hard moment should not read as
 * two alarms to the people they love, and nobody can flood them.
 */
export async function askForSupport(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  writeOnce: WriteOnce,
  now = new Date(),
  /** Runs once the new ask is stored — not for a retry's replayed answer or a folded ask. */
  onCreated?: (request: SupportRequest) => void,
): Promise<IdempotentResult<SupportRequest>> {
  await authorizeMemberAccess(db, actor, writeAccess(memberId, "support request"), now);
  let created: SupportRequest | null = null;
  const result = await writeOnce(async (trx) => {
    // Two asks at the same instant (two devices) must not both pass the check below: holding
    // the member's row makes the second wait, then see the first (SQLite writes one at a time
    // anyway; on PostgreSQL this is the lock).
    await queries.holdMember(trx, memberId);
    const since = new Date(now.getTime() - SUPPORT_REQUEST_COLLAPSE_MS).toISOString();
    const open = await queries.latestSupportRequest(trx, memberId, since);
    if (open) return { statusCode: 200, body: requestView(open, true) };
    const request = { member_id: memberId, id: randomUUID(), created_at: now.toISOString() };
    await queries.insertSupportRequest(trx, request);
    created = requestView(request, false);
    return { statusCode: 201, body: created };
  });
  if (created) onCreated?.(created);
  return result;
}

/** "Take it back": the ask is deleted, so no supporter sees it from the next request on. */
export async function withdrawSupportRequest(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  requestId: string,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<{ ok: true }>> {
  await authorizeMemberAccess(db, actor, writeAccess(memberId, "support request"), now);
  return writeOnce(async (trx) => {
    if (!(await queries.deleteSupportRequest(trx, memberId, requestId))) {
      throw notFound("That request");
    }
    return { statusCode: 200, body: { ok: true as const } };
  });
}

/**
 * The ask still showing to supporters, so the member can see it and take it back after they
 * have left the screen they asked from. Whoever may see the ask may read this too (audited).
 */
export async function getOpenSupportRequest(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  now = new Date(),
): Promise<{ request: SupportRequest | null }> {
  await authorizeMemberAccess(
    db,
    actor,
    { memberId, category: SUPPORT_REQUEST_CATEGORY, action: "read", resource: "support request" },
    now,
  );
  const since = new Date(now.getTime() - SUPPORT_REQUEST_WINDOW_MS).toISOString();
  const open = await queries.latestSupportRequest(db, memberId, since);
  return { request: open ? requestView(open, true) : null };
}

const writeAccess = (memberId: string, resource: string) => ({
  memberId,
  category: SUPPORT_REQUEST_CATEGORY,
  action: "write" as const,
  resource,
});

function requestView(row: SupportRequestTable, collapsed: boolean): SupportRequest {
  return { id: row.id, at: row.created_at, collapsed };
}
