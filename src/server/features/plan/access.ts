import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { notFound } from "../../errors";
import { authorizeMemberAccess } from "../../security/policy";
import type { Actor } from "../../security/session";
import * as queries from "./queries";

/**
 * What every plan service shares: the policy calls (the plan is the "plan" data category;
 * only the member writes it, anyone reading it goes through the policy and its audit), the
 * transaction a write runs in, and the member's own calendar day.
 */

/** Runs a write's work in one transaction: a plain one, or one that replays an Idempotency-Key. */
export type Transact = <T>(work: (trx: Kysely<Database>) => Promise<T>) => Promise<T>;

export function inTransaction(db: Kysely<Database>): Transact {
  return (work) => db.transaction().execute(work);
}

export interface WriteOptions {
  run?: Transact;
  now?: Date;
  /** New row ids; the demo passes a deterministic one. */
  newId?: () => string;
}

export function authorizePlanRead(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  resource: string,
): Promise<void> {
  return authorizeMemberAccess(db, actor, { memberId, category: "plan", action: "read", resource });
}

/** Outside any transaction, so a refusal's audit event is kept even though nothing is written. */
export function authorizePlanWrite(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  resource: string,
): Promise<void> {
  return authorizeMemberAccess(db, actor, {
    memberId,
    category: "plan",
    action: "write",
    resource,
  });
}

export async function requireMember(db: Kysely<Database>, memberId: string) {
  const member = await queries.findMemberSettings(db, memberId);
  if (!member) throw notFound("That person");
  return member;
}

/** The member's calendar day at an instant, in their own time zone. */
export function memberDay(instant: Date | string, timeZone: string): string {
  return format(new Date(instant), "yyyy-MM-dd", { in: tz(timeZone) });
}
