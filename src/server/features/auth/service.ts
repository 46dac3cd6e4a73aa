// Accounts and sessions: who a person is to Waymark, and how they prove it.
// Passwords follow NIST SP 800-63B-4; sessions are server-side and revocable.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { ChangePasswordBody, Me, SignInBody, SignUpBody } from "../../../domain/api/auth";
import { dayStartsAround } from "../../../domain/local-day";
import {
  checkNewPassword,
  contextWordsFor,
  type PasswordProblem,
} from "../../../domain/password-policy";
import type { Role } from "../../../domain/roles";
import { requiresSecondFactor, type SecondFactorState } from "../../../domain/second-factor";
import { sessionLifetimeFor } from "../../../domain/session-lifetime";
import { signInThrottle } from "../../../domain/sign-in-throttle";
import type { Database } from "../../db/schema";
import { AppError, notFound } from "../../errors";
import { findDefaultOrganizationId } from "../../organizations";
import {
  decoyPasswordHash,
  hashPassword,
  isCommonPassword,
  verifyPassword,
} from "../../security/passwords";
import { hasSecondFactor, secondFactorMethods } from "../../security/second-factor";
import { createSession } from "../../security/session";
import * as queries from "./queries";

export interface NewSession {
  me: Me;
  token: string;
  expiresAt: Date;
}

const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  too_short: "Use at least 15 characters. A passphrase of three or four words works well.",
  too_long: "That password is longer than Waymark can take. Please use a shorter one.",
  common: "That password is too common and easy to guess. Try a passphrase of your own.",
  context:
    "That password is mostly your email, your name or this app's name. Try a passphrase of your own.",
};

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Throws a 400 naming the password field when a new password breaks the policy, for the
 * person it is for (their email and name are words to keep out of it). */
export function assertAcceptablePassword(
  password: string,
  person: { email: string; displayName?: string | null },
): void {
  const problem = checkNewPassword(password, isCommonPassword, contextWordsFor(person));
  if (problem) {
    throw new AppError(`password_${problem}`, 400, PASSWORD_MESSAGES[problem], "password");
  }
}

export async function signUp(
  db: Kysely<Database>,
  body: SignUpBody,
  userAgent: string | null,
  now = new Date(),
): Promise<NewSession> {
  assertAcceptablePassword(body.password, body);
  const organizationId = await findDefaultOrganizationId(db);
  if (!organizationId) throw new AppError("signup_closed", 403, "This Waymark is not set up yet.");
  const userId = await createAccount(db, organizationId, "member", body, now);
  return startSession(db, userId, userAgent, now);
}

/** Creates a person with one role, refusing an email that already has an account. */
export async function createAccount(
  db: Kysely<Database>,
  organizationId: string,
  role: Role,
  details: {
    email: string;
    password: string;
    displayName?: string;
    timeZone?: string;
    locale?: string;
  },
  now: Date,
): Promise<string> {
  const email = normalizeEmail(details.email);
  const passwordHash = await hashPassword(details.password);
  const userId = randomUUID();
  try {
    await db.transaction().execute(async (trx) => {
      if (await queries.findUserByEmail(trx, email)) throw emailTaken();
      await queries.insertUserWithRole(
        trx,
        {
          id: userId,
          email,
          passwordHash,
          displayName: details.displayName ?? null,
          timeZone: details.timeZone ?? "UTC",
          locale: details.locale ?? "en",
        },
        organizationId,
        role,
        now,
      );
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    // Two sign-ups racing for one email: the unique index decides.
    if (await queries.findUserByEmail(db, email)) throw emailTaken();
    throw error;
  }
  return userId;
}

function emailTaken(): AppError {
  return new AppError(
    "email_taken",
    409,
    "An account with this email already exists. Try signing in.",
    "email",
  );
}

export async function signIn(
  db: Kysely<Database>,
  body: SignInBody,
  userAgent: string | null,
  now = new Date(),
): Promise<NewSession> {
  const email = normalizeEmail(body.email);
  await assertNotThrottled(db, email, now);
  const user = await queries.findUserByEmail(db, email);
  const passwordMatches = await verifyPassword(
    user?.password_hash ?? (await decoyPasswordHash()),
    body.password,
  );
  if (!user || !passwordMatches) {
    await queries.recordFailure(db, email, now);
    throw new AppError("invalid_credentials", 401, "That email and password do not match.");
  }
  await queries.clearFailures(db, email);
  return startSession(db, user.id, userAgent, now);
}

/**
 * Asks the signed-in person for their password again before a change that could lock them out
 * or let someone else in (ASVS 7.5.1). Wrong tries count against the account like sign-in's.
 */
export async function confirmPassword(
  db: Kysely<Database>,
  userId: string,
  password: string,
  now = new Date(),
  field = "password",
): Promise<void> {
  const user = await queries.findUserById(db, userId);
  if (!user) throw notFound("Your account");
  await assertNotThrottled(db, user.email, now);
  if (!(await verifyPassword(user.password_hash, password))) {
    await queries.recordFailure(db, user.email, now);
    // The same answer as account deletion's password check, so the app says it one way.
    throw new AppError("password_incorrect", 403, "That password is not right.", field);
  }
  await queries.clearFailures(db, user.email);
}

/**
 * A new password, given with the current one; every other session of the account ends (a
 * person changing it may be shutting someone out), this one stays signed in (ASVS 7.4.3).
 */
export async function changePassword(
  db: Kysely<Database>,
  actor: { userId: string; sessionId: string; email: string },
  body: ChangePasswordBody,
  now = new Date(),
): Promise<void> {
  await confirmPassword(db, actor.userId, body.currentPassword, now, "currentPassword");
  assertAcceptablePassword(body.password, actor);
  const passwordHash = await hashPassword(body.password);
  await db
    .transaction()
    .execute((trx) =>
      queries.setPasswordEndingOtherSessions(trx, actor.userId, actor.sessionId, passwordHash, now),
    );
}

/**
 * Throws 429 while an account must wait after wrong tries, or is locked (NIST's cap). `key` is
 * the account's email for passwords, `second-factor:<user id>` for codes (auth_failures' key).
 */
export async function assertNotThrottled(db: Kysely<Database>, key: string, now: Date) {
  const failures = await queries.findFailures(db, key);
  const throttle = signInThrottle(
    failures?.consecutive_failures ?? 0,
    failures ? new Date(failures.last_failure_at) : null,
    now,
  );
  if (throttle.kind === "locked") {
    throw new AppError(
      "account_locked",
      429,
      "Too many wrong tries for this account. An admin can unlock it.",
    );
  }
  if (throttle.kind === "wait") {
    throw new AppError(
      "rate_limited",
      429,
      `Too many tries. Please wait ${throttle.retryAfterSeconds} seconds and try again.`,
      undefined,
      { "retry-after": String(throttle.retryAfterSeconds) },
    );
  }
}

/**
 * A fresh token at every sign-in, so a token planted before sign-in is never promoted. Someone
 * with a second factor starts "partly signed in" until they give it (second-factor/service.ts).
 */
export async function startSession(
  db: Kysely<Database>,
  userId: string,
  userAgent: string | null,
  now = new Date(),
): Promise<NewSession> {
  const roles = (await queries.rolesOf(db, userId)).map((r) => r.role as Role);
  const session = await createSession(db, userId, sessionLifetimeFor(roles), userAgent, now);
  const state = (await hasSecondFactor(db, userId)) ? "pending" : "none";
  return {
    me: await getMe(db, userId, state),
    token: session.token,
    expiresAt: session.expiresAt,
  };
}

export async function getMe(
  db: Kysely<Database>,
  userId: string,
  secondFactor: SecondFactorState,
): Promise<Me> {
  const found = await queries.findMe(db, userId);
  if (!found) throw notFound("Your account");
  const roles = found.memberships.map((m) => m.role as Role);
  return {
    id: found.user.id,
    email: found.user.email,
    displayName: found.user.display_name,
    timeZone: found.user.time_zone,
    days: dayStartsAround(new Date(), found.user.time_zone),
    locale: found.user.locale === "es" ? "es" : "en",
    memberships: found.memberships.map((m) => ({
      organizationId: m.organization_id,
      organizationName: m.name,
      role: m.role as Role,
    })),
    secondFactor: {
      state: secondFactor,
      required: requiresSecondFactor(roles),
      // The sign-in screen's second step offers what the person has, and nothing else.
      ...(secondFactor === "pending" ? { methods: await secondFactorMethods(db, userId) } : {}),
    },
  };
}
