import { randomUUID } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Kysely, Transaction } from "kysely";
import type { Role } from "../../domain/roles";
import type { SecondFactorState } from "../../domain/second-factor";
import { type SessionLifetime, sessionExpiresAt } from "../../domain/session-lifetime";
import { compiledQuery } from "../db/compiled-query";
import type { Database } from "../db/schema";
import { secondFactorRequired, unauthenticated } from "../errors";
import { hashToken, newSecretToken } from "./tokens";

/**
 * Server-side sessions: an opaque random token in an HttpOnly cookie, stored only hashed.
 * `__Host-` pins the cookie to this exact origin; browsers only accept it with Secure, which
 * they allow on https and on localhost. Plain http on another host falls back to a
 * host-only cookie without the prefix (documented in docs/security.md).
 */
export const SECURE_COOKIE = "__Host-waymark_session";
export const PLAIN_COOKIE = "waymark_session";

export interface Actor {
  userId: string;
  sessionId: string;
  email: string;
  /** The person's own zone and account creation instant, read with the session so a
   * member's own writes need no second look-up of who they are. */
  timeZone: string;
  /** Their language, for what the server writes out for them (Today's time labels). */
  locale: string;
  createdAt: string;
  memberships: { organizationId: string; role: Role }[];
  /** How this session stands with the second factor (security/second-factor.ts). An actor made
   * in-process (`actorFor`) has no session and no sign-in to strengthen: "in-process". */
  secondFactor: SecondFactorState | "in-process";
}

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

// Writing last_seen_at on every request would turn every read into a write; a minute of
// slack on a 30-minute idle limit is harmless.
const TOUCH_AFTER_MS = 60_000;

export async function createSession(
  db: Kysely<Database>,
  userId: string,
  lifetime: SessionLifetime,
  userAgent: string | null,
  now = new Date(),
  /** Set when the session starts with the second factor already given (security/second-factor.ts). */
  secondFactorVerifiedAt: Date | null = null,
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const token = newSecretToken();
  const id = randomUUID();
  const absoluteExpiresAt = new Date(now.getTime() + lifetime.absoluteSeconds * 1000);
  await db
    .insertInto("sessions")
    .values({
      id,
      token_hash: hashToken(token),
      user_id: userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      idle_timeout_seconds: lifetime.idleSeconds,
      absolute_expires_at: absoluteExpiresAt.toISOString(),
      user_agent: userAgent?.slice(0, 200) ?? null,
      revoked_at: null,
      second_factor_verified_at: secondFactorVerifiedAt?.toISOString() ?? null,
    })
    .execute();
  return { token, id, expiresAt: absoluteExpiresAt };
}

/**
 * Ends a person's sessions at once (a reset, a password change, a deletion, an admin's
 * sign-out): every one, or every one but `keepSessionId`, the session making the change.
 */
export async function endSessions(
  db: Kysely<Database> | Transaction<Database>,
  userId: string,
  now: Date,
  keepSessionId?: string,
): Promise<void> {
  let update = db
    .updateTable("sessions")
    .set({ revoked_at: now.toISOString() })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null);
  if (keepSessionId !== undefined) update = update.where("id", "!=", keepSessionId);
  await update.execute();
}

/**
 * The session behind a token hash, its person, and one row per membership (a row with null
 * membership columns when there is none): one statement per request, compiled once.
 */
const findSessionRows = compiledQuery((db, values: { tokenHash: string }) =>
  db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .leftJoin("memberships", "memberships.user_id", "sessions.user_id")
    .select([
      "sessions.id as sessionId",
      "sessions.user_id as userId",
      "sessions.last_seen_at as lastSeenAt",
      "sessions.idle_timeout_seconds as idleSeconds",
      "sessions.absolute_expires_at as absoluteExpiresAt",
      "sessions.revoked_at as revokedAt",
      "users.email as email",
      "users.time_zone as timeZone",
      "users.locale as locale",
      "users.created_at as createdAt",
      "sessions.second_factor_verified_at as secondFactorVerifiedAt",
      "memberships.organization_id as organizationId",
      "memberships.role as role",
      // A confirmed authenticator app or any passkey (security/second-factor.ts#hasSecondFactor).
      (eb) =>
        eb
          .or([
            eb.exists(
              eb
                .selectFrom("totp_factors")
                .select("totp_factors.user_id")
                .whereRef("totp_factors.user_id", "=", "sessions.user_id")
                .where("totp_factors.confirmed_at", "is not", null),
            ),
            eb.exists(
              eb
                .selectFrom("passkeys")
                .select("passkeys.user_id")
                .whereRef("passkeys.user_id", "=", "sessions.user_id"),
            ),
          ])
          .as("hasSecondFactor"),
    ])
    .where("sessions.token_hash", "=", values.tokenHash),
);

const touchSession = compiledQuery((db, values: { sessionId: string; lastSeenAt: string }) =>
  db
    .updateTable("sessions")
    .set({ last_seen_at: values.lastSeenAt })
    .where("id", "=", values.sessionId),
);

/** Finds the live session behind a token, or null if it is unknown, revoked or expired. */
export async function findActor(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<Actor | null> {
  const { rows } = await findSessionRows(db, { tokenHash: hashToken(token) });
  const row = rows[0];
  if (!row || row.revokedAt !== null) return null;
  const lastSeenAt = new Date(row.lastSeenAt);
  const expiresAt = sessionExpiresAt(lastSeenAt, row.idleSeconds, new Date(row.absoluteExpiresAt));
  if (expiresAt <= now) return null;
  if (now.getTime() - lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await touchSession(db, { sessionId: row.sessionId, lastSeenAt: now.toISOString() });
  }
  const memberships: Actor["memberships"] = [];
  for (const membership of rows) {
    if (membership.organizationId === null || membership.role === null) continue;
    memberships.push({ organizationId: membership.organizationId, role: membership.role as Role });
  }
  return {
    userId: row.userId,
    sessionId: row.sessionId,
    email: row.email,
    timeZone: row.timeZone,
    locale: row.locale,
    createdAt: row.createdAt,
    memberships,
    secondFactor:
      row.secondFactorVerifiedAt !== null
        ? "verified"
        : // SQLite answers EXISTS with 0/1, PostgreSQL with a boolean.
          row.hasSecondFactor
          ? "pending"
          : "none",
  };
}

export function readSessionToken(request: FastifyRequest): string | null {
  const cookies = request.cookies;
  return cookies[SECURE_COOKIE] ?? cookies[PLAIN_COOKIE] ?? null;
}

/** https, or a loopback host, where browsers accept Secure cookies over plain http. */
export function isSecureContext(request: FastifyRequest): boolean {
  if (request.protocol === "https") return true;
  const host = request.hostname.replace(/:\d+$/, "");
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
): void {
  const secure = isSecureContext(request);
  reply.setCookie(secure ? SECURE_COOKIE : PLAIN_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure,
    expires: expiresAt,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  const secure = isSecureContext(request);
  reply.clearCookie(secure ? SECURE_COOKIE : PLAIN_COOKIE, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure,
  });
}

/** preHandler for routes that need a signed-in person. */
export async function requireActor(request: FastifyRequest): Promise<void> {
  actorOf(request);
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw request.partlySignedIn ? secondFactorRequired() : unauthenticated();
  return request.actor;
}

/**
 * The person as an actor without a browser session: the demo seeder, the benchmark and
 * tests call services "as the member". `sessionId` says who is really acting. Nothing reaches
 * this from HTTP, so there is no sign-in whose second factor could be missing.
 */
export async function actorFor(
  db: Kysely<Database>,
  userId: string,
  sessionId: string,
): Promise<Actor> {
  const user = await db
    .selectFrom("users")
    .select(["email", "time_zone", "locale", "created_at"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  const memberships = await db
    .selectFrom("memberships")
    .select(["organization_id as organizationId", "role"])
    .where("user_id", "=", userId)
    .execute();
  return {
    userId,
    sessionId,
    email: user.email,
    timeZone: user.time_zone,
    locale: user.locale,
    createdAt: user.created_at,
    memberships: memberships.map((m) => ({
      organizationId: m.organizationId,
      role: m.role as Role,
    })),
    secondFactor: "in-process",
  };
}
