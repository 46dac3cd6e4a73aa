import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";

type Db = Kysely<Database> | Transaction<Database>;

export function findAccountByEmail(db: Db, email: string) {
  return db
    .selectFrom("users")
    .select(["id", "display_name", "email"])
    .where("email", "=", email)
    .executeTakeFirst();
}

export interface NewConsent {
  memberId: string;
  id: string;
  granteeId: string;
  purpose: string;
  categories: string[];
  createdAt: string;
  expiresAt: string | null;
  expiryEvent: string | null;
  signatureName: string;
  statementVersion: string;
}

/** The grant the policy reads, and its signed Part 2 terms, in one transaction. */
export async function insertConsent(trx: Transaction<Database>, consent: NewConsent) {
  await trx
    .insertInto("consent_grants")
    .values({
      member_id: consent.memberId,
      id: consent.id,
      grantee_user_id: consent.granteeId,
      purpose: consent.purpose,
      categories: JSON.stringify(consent.categories),
      created_at: consent.createdAt,
      expires_at: consent.expiresAt,
      revoked_at: null,
    })
    .execute();
  await trx
    .insertInto("consent_terms")
    .values({
      member_id: consent.memberId,
      grant_id: consent.id,
      expiry_event: consent.expiryEvent,
      signature_name: consent.signatureName,
      signed_at: consent.createdAt,
      revocation_acknowledged: 1,
      statement_version: consent.statementVersion,
    })
    .execute();
}

function consentRows(db: Db) {
  return db
    .selectFrom("consent_grants as g")
    .innerJoin("users as m", "m.id", "g.member_id")
    .innerJoin("users as r", "r.id", "g.grantee_user_id")
    .leftJoin("consent_terms as t", (join) =>
      join.onRef("t.member_id", "=", "g.member_id").onRef("t.grant_id", "=", "g.id"),
    )
    .select([
      "g.id",
      "g.member_id",
      "m.display_name as member_name",
      "g.grantee_user_id",
      "r.display_name as recipient_name",
      "r.email as recipient_email",
      "g.purpose",
      "g.categories",
      "g.created_at",
      "g.expires_at",
      "g.revoked_at",
      "t.expiry_event",
      "t.signature_name",
      "t.signed_at",
      "t.revocation_acknowledged",
    ])
    .orderBy("g.created_at", "desc")
    .orderBy("g.id");
}
export type ConsentRow = Awaited<ReturnType<ReturnType<typeof consentRows>["execute"]>>[number];

export function listConsentsGivenBy(db: Db, memberId: string) {
  return consentRows(db).where("g.member_id", "=", memberId).execute();
}

export function listConsentsReceivedBy(db: Db, granteeId: string) {
  return consentRows(db).where("g.grantee_user_id", "=", granteeId).execute();
}

export function findConsent(db: Db, memberId: string, id: string) {
  return consentRows(db)
    .where("g.member_id", "=", memberId)
    .where("g.id", "=", id)
    .executeTakeFirst();
}

/** Sets revoked_at once; a second revoke keeps the first instant. */
export async function revokeConsent(db: Db, memberId: string, id: string, at: string) {
  await db
    .updateTable("consent_grants")
    .set({ revoked_at: at })
    .where("member_id", "=", memberId)
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .execute();
}

export function listAccessEvents(db: Db, memberId: string, limit: number) {
  return db
    .selectFrom("audit_events")
    .leftJoin("users", "users.id", "audit_events.actor_id")
    .select([
      "audit_events.at",
      "audit_events.actor_id",
      "users.display_name",
      "audit_events.action",
      "audit_events.resource",
      "audit_events.purpose",
      "audit_events.outcome",
    ])
    .where("audit_events.member_id", "=", memberId)
    .orderBy("audit_events.seq", "desc")
    .limit(limit)
    .execute();
}
