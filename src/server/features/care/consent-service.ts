// Consent grants with the elements 42 CFR Part 2 asks of a written consent, and the member's
// log of who looked at what. Only the member creates or revokes their own consents.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Consent, CreateConsentRequest } from "../../../domain/api/care";
import {
  CONSENT_STATEMENT_VERSION,
  type DataCategory,
  dataCategorySchema,
  describeAccess,
  grantStatus,
  REVOCATION_STATEMENT,
} from "../../../domain/consent";
import type { Database } from "../../db/schema";
import { AppError, notFound } from "../../errors";
import { hasSecondFactorForOthersData } from "../../security/second-factor";
import type { Actor } from "../../security/session";
import * as queries from "./consent-queries";

export async function createConsent(
  db: Kysely<Database>,
  actor: Actor,
  body: CreateConsentRequest,
  now = new Date(),
): Promise<Consent> {
  const recipient = await queries.findAccountByEmail(db, body.recipientEmail.trim().toLowerCase());
  if (!recipient) {
    throw new AppError(
      "recipient_not_found",
      422,
      "There is no Waymark account with that email. Ask them to join first.",
      "recipientEmail",
    );
  }
  if (recipient.id === actor.userId) {
    throw new AppError("recipient_is_self", 422, "You always see your own data.", "recipientEmail");
  }
  if (body.expiresAt !== null && new Date(body.expiresAt) <= now) {
    throw new AppError("expiry_in_past", 422, "The end date has already passed.", "expiresAt");
  }
  const id = randomUUID();
  const categories: DataCategory[] = body.categories;
  await db.transaction().execute((trx) =>
    queries.insertConsent(trx, {
      memberId: actor.userId,
      id,
      granteeId: recipient.id,
      purpose: body.purpose,
      categories,
      createdAt: now.toISOString(),
      expiresAt: body.expiresAt === null ? null : new Date(body.expiresAt).toISOString(),
      expiryEvent: body.expiryEvent ?? null,
      signatureName: body.signature.typedName,
      statementVersion: CONSENT_STATEMENT_VERSION,
    }),
  );
  const row = await queries.findConsent(db, actor.userId, id);
  if (!row) throw notFound("That consent");
  return toConsent(row, now);
}

export async function listConsents(db: Kysely<Database>, actor: Actor, now = new Date()) {
  const [given, received] = await Promise.all([
    queries.listConsentsGivenBy(db, actor.userId),
    // Who shares with staff is itself about those members: not before the second factor.
    hasSecondFactorForOthersData(actor) ? queries.listConsentsReceivedBy(db, actor.userId) : [],
  ]);
  return {
    given: given.map((row) => toConsent(row, now)),
    // A recipient sees only what is live; a revoked or expired consent is no longer theirs.
    received: received.map((row) => toConsent(row, now)).filter((c) => c.status === "active"),
  };
}

/** Takes effect on the next request: the policy reads the grant on every request. */
export async function revokeConsent(
  db: Kysely<Database>,
  actor: Actor,
  consentId: string,
  now = new Date(),
): Promise<Consent> {
  const existing = await queries.findConsent(db, actor.userId, consentId);
  if (!existing) throw notFound("That consent");
  await queries.revokeConsent(db, actor.userId, consentId, now.toISOString());
  const row = await queries.findConsent(db, actor.userId, consentId);
  if (!row) throw notFound("That consent");
  return toConsent(row, now);
}

/** The member's own log of who looked at their data, newest first, in words. */
export async function getAccessLog(db: Kysely<Database>, actor: Actor) {
  const rows = await queries.listAccessEvents(db, actor.userId, 500);
  return {
    events: rows.map((row) => {
      const [verb, what = row.action] = row.action.split(":");
      const outcome = row.outcome === "allowed" ? ("allowed" as const) : ("denied" as const);
      return {
        at: row.at,
        who: { id: row.actor_id, displayName: row.display_name },
        verb: verb === "write" ? ("write" as const) : ("read" as const),
        what,
        resource: row.resource,
        why: row.purpose,
        outcome,
        description: describeAccess({
          actorName: row.display_name,
          action: row.action,
          resource: row.resource,
          outcome,
        }),
      };
    }),
  };
}

function toConsent(row: queries.ConsentRow, now: Date): Consent {
  const parsed = dataCategorySchema.array().safeParse(JSON.parse(row.categories));
  const revokedAt = row.revoked_at;
  const expiresAt = row.expires_at;
  return {
    id: row.id,
    member: { id: row.member_id, displayName: row.member_name },
    recipient: {
      id: row.grantee_user_id,
      displayName: row.recipient_name,
      email: row.recipient_email,
    },
    purpose: row.purpose,
    categories: parsed.success ? parsed.data : [],
    createdAt: row.created_at,
    expiresAt,
    expiryEvent: row.expiry_event ?? null,
    signature:
      row.signature_name && row.signed_at
        ? { typedName: row.signature_name, signedAt: row.signed_at }
        : null,
    revocationAcknowledged: Number(row.revocation_acknowledged ?? 0) === 1,
    revocationStatement: REVOCATION_STATEMENT,
    revokedAt,
    status: grantStatus(
      {
        expiresAt: expiresAt ? new Date(expiresAt) : null,
        revokedAt: revokedAt ? new Date(revokedAt) : null,
      },
      now,
    ),
  };
}
