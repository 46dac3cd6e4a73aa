import type { FastifyRequest } from "fastify";
import type { Kysely, Transaction } from "kysely";
import { requiresSecondFactor } from "../../domain/second-factor";
import { sessionLifetimeFor } from "../../domain/session-lifetime";
import type { Database } from "../db/schema";
import { secondFactorRequired } from "../errors";
import { type Actor, createSession } from "./session";

/**
 * The second factor as the session layer sees it (ASVS 5.0 V6.3, V7.2). A session is "partly
 * signed in" while its person has a factor they have not given yet: it may read who it is,
 * give the factor, or sign out, nothing else. Staff who have no factor yet are fully signed
 * in to their own account, but the access policy shows them nobody else's data.
 */

declare module "fastify" {
  interface FastifyRequest {
    /** A session was sent, but it has not been given its second factor yet. */
    partlySignedIn: boolean;
  }
  interface FastifyContextConfig {
    /** This route answers a partly signed-in session (it is how one finishes signing in). */
    partlySignedIn?: boolean;
  }
}

/**
 * onRequest: a partly signed-in session counts as signed in only on the few routes that finish
 * signing in. Elsewhere public routes treat it as signed out, and routes that need someone
 * answer 403 second_factor_required (session.ts#requireActor).
 */
export function holdBackPartlySignedIn(request: FastifyRequest): void {
  if (request.actor?.secondFactor !== "pending") return;
  if (request.routeOptions.config.partlySignedIn === true) return;
  request.partlySignedIn = true;
  request.actor = null;
}

/** Whether this actor may see other people's records: staff need their second factor first. */
export function hasSecondFactorForOthersData(actor: Actor): boolean {
  if (actor.secondFactor === "verified" || actor.secondFactor === "in-process") return true;
  if (actor.secondFactor === "pending") return false;
  return !requiresSecondFactor(actor.memberships.map((membership) => membership.role));
}

export function assertSecondFactorForOthersData(actor: Actor): void {
  if (!hasSecondFactorForOthersData(actor)) throw secondFactorRequired();
}

/** The second factors the person has in use: a confirmed authenticator app, passkeys. */
export async function secondFactorMethods(
  db: Kysely<Database> | Transaction<Database>,
  userId: string,
): Promise<{ totp: boolean; passkey: boolean }> {
  const [totp, passkey] = await Promise.all([
    db
      .selectFrom("totp_factors")
      .select("user_id")
      .where("user_id", "=", userId)
      .where("confirmed_at", "is not", null)
      .executeTakeFirst(),
    db.selectFrom("passkeys").select("user_id").where("user_id", "=", userId).executeTakeFirst(),
  ]);
  return { totp: totp !== undefined, passkey: passkey !== undefined };
}

/** Whether the person has a second factor in use (either kind). */
export async function hasSecondFactor(
  db: Kysely<Database> | Transaction<Database>,
  userId: string,
): Promise<boolean> {
  const methods = await secondFactorMethods(db, userId);
  return methods.totp || methods.passkey;
}

/**
 * The second factor was just given (or first set up): the session is replaced by a new one,
 * fully signed in, with a new token (ASVS 7.2.4), so a token seen while partly signed in is
 * never promoted. The old one ends at once.
 */
export async function startVerifiedSession(
  db: Kysely<Database>,
  actor: Actor,
  userAgent: string | null,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const lifetime = sessionLifetimeFor(actor.memberships.map((membership) => membership.role));
  await db
    .updateTable("sessions")
    .set({ revoked_at: now.toISOString() })
    .where("id", "=", actor.sessionId)
    .execute();
  return createSession(db, actor.userId, lifetime, userAgent, now, now);
}
