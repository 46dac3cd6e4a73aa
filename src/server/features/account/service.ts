// The member's own data, whole: a download of every record, and deleting the account for good
// after a week's grace (issue 19). Only the member acts here; nobody else's data is touched.
import type { Kysely } from "kysely";
import { deletionDueAt } from "../../../domain/account-deletion";
import type { AccountDeletion } from "../../../domain/api/account";
import type { Database } from "../../db/schema";
import { AppError, notFound } from "../../errors";
import { appendAuditEvent } from "../../security/audit";
import { type Actor, endSessions } from "../../security/session";
import { confirmPassword } from "../auth/service";
import * as queries from "./queries";

export const EXPORT_FORMAT = "waymark-export/1";

export interface AccountExport {
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  account: {
    id: string;
    email: string;
    displayName: string | null;
    timeZone: string;
    locale: string;
    createdAt: string;
  };
  /** Every row naming the person, table by table, secrets left out. */
  records: Record<string, Record<string, unknown>[]>;
  /** Who read or wrote the member's data, and when (the access log). */
  accessLog: Record<string, unknown>[];
}

export async function exportAccount(
  db: Kysely<Database>,
  actor: Actor,
  now: Date,
): Promise<AccountExport> {
  const account = await queries.findAccount(db, actor.userId);
  if (!account) throw notFound("Your account");
  const records: AccountExport["records"] = {};
  for (const table of await queries.personTables(db)) {
    const rows = await queries.rowsOf(db, table, actor.userId);
    if (rows.length > 0) records[table.name] = rows;
  }
  const accessLog = await db
    .selectFrom("audit_events")
    .select(["at", "actor_id", "action", "resource", "purpose", "outcome"])
    .where("member_id", "=", actor.userId)
    .orderBy("seq")
    .execute();
  return {
    format: EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    account: {
      id: account.id,
      email: account.email,
      displayName: account.display_name,
      timeZone: account.time_zone,
      locale: account.locale,
      createdAt: account.created_at,
    },
    records,
    accessLog,
  };
}

export async function getDeletion(
  db: Kysely<Database>,
  actor: Actor,
): Promise<AccountDeletion | null> {
  const row = await queries.findDeletion(db, actor.userId);
  return row ? { requestedAt: row.requested_at, dueAt: row.due_at } : null;
}

/**
 * Staff accounts are closed by their organization's admin: their names stand on notes and
 * ratings in members' records, which a purge of their own rows must not break.
 */
function assertMemberOnly(actor: Actor): void {
  if (actor.memberships.some((m) => m.role !== "member")) {
    throw new AppError(
      "account_deletion_staff",
      403,
      "Staff accounts are closed by your organization's admin. Please ask them.",
    );
  }
}

export async function requestDeletion(
  db: Kysely<Database>,
  actor: Actor,
  password: string,
  now: Date,
): Promise<AccountDeletion> {
  assertMemberOnly(actor);
  // Wrong tries count against the account, as at sign-in (auth/service.ts#confirmPassword).
  await confirmPassword(db, actor.userId, password, now);
  await db.transaction().execute(async (trx) => {
    const pending = await queries.findDeletion(trx, actor.userId);
    if (pending) return;
    await queries.insertDeletion(trx, actor.userId, now, deletionDueAt(now));
    // Whoever else holds a session (a lost phone, a partner's laptop) is out from now on.
    await endSessions(trx, actor.userId, now, actor.sessionId);
    await appendAuditEvent(
      trx,
      {
        actorId: actor.userId,
        memberId: actor.userId,
        action: "request:account-deletion",
        resource: "account",
        purpose: null,
        outcome: "allowed",
      },
      now,
    );
  });
  const deletion = await getDeletion(db, actor);
  if (!deletion) throw new Error("the deletion request was not stored");
  return deletion;
}

export async function cancelDeletion(db: Kysely<Database>, actor: Actor, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await queries.removeDeletion(trx, actor.userId))) return;
    await appendAuditEvent(
      trx,
      {
        actorId: actor.userId,
        memberId: actor.userId,
        action: "cancel:account-deletion",
        resource: "account",
        purpose: null,
        outcome: "allowed",
      },
      now,
    );
  });
}

/**
 * One pass of the purge (serve runs it every hour): each account whose week is over goes, all
 * its rows in one transaction, and the audit log keeps one line saying it was deleted.
 */
export async function purgeDueDeletions(db: Kysely<Database>, now: Date): Promise<number> {
  let purged = 0;
  for (const { member_id: memberId } of await queries.dueDeletions(db, now)) {
    await db.transaction().execute(async (trx) => {
      // Taken back at the last moment, or purged by another process: nothing to do.
      if (!(await queries.findDeletion(trx, memberId))) return;
      await queries.deletePerson(trx, memberId);
      await appendAuditEvent(
        trx,
        {
          actorId: memberId,
          memberId,
          action: "delete:account",
          resource: "account",
          purpose: null,
          outcome: "allowed",
        },
        now,
      );
      purged += 1;
    });
  }
  return purged;
}
