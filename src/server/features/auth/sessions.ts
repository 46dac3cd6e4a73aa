// A person's own signed-in devices: the list, ending one, ending all but this one. Ending
// another device's session takes the password again (ASVS 7.5.2), like other account changes.
import type { Kysely } from "kysely";
import type { SessionInfo } from "../../../domain/api/auth";
import { sessionExpiresAt } from "../../../domain/session-lifetime";
import type { Database } from "../../db/schema";
import { AppError, notFound } from "../../errors";
import { endSessions } from "../../security/session";
import * as queries from "./queries";
import { confirmPassword } from "./service";

export async function listSessions(
  db: Kysely<Database>,
  userId: string,
  currentSessionId: string,
  now = new Date(),
): Promise<SessionInfo[]> {
  const rows = await queries.listSessions(db, userId);
  return rows
    .map((row) => ({
      id: row.id,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      expiresAt: sessionExpiresAt(
        new Date(row.last_seen_at),
        row.idle_timeout_seconds,
        new Date(row.absolute_expires_at),
      ).toISOString(),
      userAgent: row.user_agent,
      current: row.id === currentSessionId,
    }))
    .filter((session) => new Date(session.expiresAt) > now);
}

/**
 * Signs out every device but this one, with the password (ASVS 7.4.3: offered after a factor is
 * added; 7.5.2: the password first). Answers how many were signed out.
 */
export async function endOtherSessions(
  db: Kysely<Database>,
  actor: { userId: string; sessionId: string },
  password: string,
  now = new Date(),
): Promise<{ ended: number }> {
  await confirmPassword(db, actor.userId, password, now);
  const sessions = await listSessions(db, actor.userId, actor.sessionId, now);
  await endSessions(db, actor.userId, now, actor.sessionId);
  return { ended: sessions.filter((session) => !session.current).length };
}

/**
 * Ends one of the person's sessions. Another device's asks for the password first (ASVS 5.0
 * 7.5.2), with sign-in's throttle: a phone left signed in must not sign its owner out of the
 * devices they would use to take it back.
 */
export async function revokeSession(
  db: Kysely<Database>,
  actor: { userId: string; sessionId: string },
  sessionId: string,
  password: string | undefined,
  now = new Date(),
): Promise<void> {
  if (sessionId !== actor.sessionId) {
    if (password === undefined) {
      throw new AppError(
        "password_required",
        400,
        "Enter your password to sign out another device.",
        "password",
      );
    }
    await confirmPassword(db, actor.userId, password, now);
  }
  const revoked = await queries.revokeSession(db, actor.userId, sessionId, now);
  if (!revoked) throw notFound("That session");
}
