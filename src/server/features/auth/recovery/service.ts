// Getting back into an account without email (nothing leaves the server): a reset link an admin
// hands over in person, or one of the member's own recovery codes. Every reset is audited.
import type { Kysely } from "kysely";
import type {
  CreateResetLinkBody,
  EndSessionsBody,
  RecoverWithCodeBody,
  ResetLink,
  ResetPasswordBody,
} from "../../../../domain/api/account-recovery";
import type { Database } from "../../../db/schema";
import { AppError, forbidden } from "../../../errors";
import { appendAuditEvent } from "../../../security/audit";
import { adminOf } from "../../../security/organization-roles";
import { decoyPasswordHash, hashPassword, verifyPassword } from "../../../security/passwords";
import { assertSecondFactorForOthersData } from "../../../security/second-factor";
import { type Actor, endSessions } from "../../../security/session";
import { hashToken, newSecretToken } from "../../../security/tokens";
import { findUserByEmail, recordFailure } from "../queries";
import { spendRecoveryCode } from "../second-factor/recovery-codes";
import { assertAcceptablePassword, assertNotThrottled, normalizeEmail } from "../service";
import * as queries from "./queries";

/** Short enough that a link left in a chat or on paper soon stops working (ASVS 6.4.1). */
export const RESET_LINK_LIFETIME_MS = 30 * 60 * 1000;

/**
 * An admin makes a reset link for someone in their organization, to give them in person or by
 * phone. The answer looks the same whether or not the email has an account here: for an
 * unknown one the link simply never works.
 */
export async function createResetLink(
  db: Kysely<Database>,
  actor: Actor,
  body: CreateResetLinkBody,
  baseUrl: string,
  now = new Date(),
): Promise<ResetLink> {
  const organizations = adminOf(actor);
  if (organizations.length === 0) throw forbidden();
  // A reset link opens an account: only an admin who has given their own second factor.
  assertSecondFactorForOthersData(actor);
  const token = newSecretToken();
  const expiresAt = new Date(now.getTime() + RESET_LINK_LIFETIME_MS);
  const account = await queries.findAccountIn(db, normalizeEmail(body.email), organizations);
  if (account) {
    const removeSecondFactor = body.removeSecondFactor === true;
    await db.transaction().execute(async (trx) => {
      await queries.insertResetLink(trx, {
        tokenHash: hashToken(token),
        userId: account.id,
        createdBy: actor.userId,
        createdAt: now,
        expiresAt,
        removeSecondFactor,
      });
      await appendAuditEvent(
        trx,
        {
          actorId: actor.userId,
          memberId: account.id,
          action: "account:reset-link",
          resource: removeSecondFactor
            ? "password reset link, second factor to be removed"
            : "password reset link",
          purpose: null,
          outcome: "allowed",
        },
        now,
      );
    });
  }
  return { url: `${baseUrl}/reset/${token}`, expiresAt: expiresAt.toISOString() };
}

/**
 * An admin signs someone in their organization out of every device at once (ASVS 7.4.5): a
 * lost phone, a colleague who left. Audited in the person's own log; the answer is the same
 * whether or not the email has an account here.
 */
export async function endSessionsOf(
  db: Kysely<Database>,
  actor: Actor,
  body: EndSessionsBody,
  now = new Date(),
): Promise<void> {
  const organizations = adminOf(actor);
  if (organizations.length === 0) throw forbidden();
  assertSecondFactorForOthersData(actor);
  const account = await queries.findAccountIn(db, normalizeEmail(body.email), organizations);
  if (!account) return;
  await db.transaction().execute(async (trx) => {
    await endSessions(trx, account.id, now);
    await appendAuditEvent(
      trx,
      {
        actorId: actor.userId,
        memberId: account.id,
        action: "account:sessions-ended",
        resource: "every signed-in device",
        purpose: null,
        outcome: "allowed",
      },
      now,
    );
  });
}

/** Sets the new password from a live link, once; ends every session of the account. */
export async function resetPassword(
  db: Kysely<Database>,
  body: ResetPasswordBody,
  now = new Date(),
): Promise<void> {
  // Before the link is spent; the person's own words are checked once the link names them.
  assertAcceptablePassword(body.password, { email: "" });
  const passwordHash = await hashPassword(body.password);
  await db.transaction().execute(async (trx) => {
    const link = await queries.spendResetLink(trx, hashToken(body.token), now);
    if (!link) {
      throw new AppError(
        "reset_link_invalid",
        410,
        "This link has expired or was already used. Ask your admin for a new one.",
      );
    }
    const user = { id: link.userId, email: link.email };
    // Thrown inside the transaction, so the link is not used up.
    assertAcceptablePassword(body.password, user);
    await queries.setPasswordEndingSessions(trx, user, passwordHash, now);
    if (link.remove_second_factor === 1) await queries.removeSecondFactor(trx, user.id);
    await auditReset(trx, user.id, "password reset with a link from an admin", now);
  });
}

/**
 * The member's own way back: email, one recovery code (used up) and a new password. Wrong tries
 * count against the account like wrong passwords; an unknown email costs the same time.
 */
export async function recoverWithCode(
  db: Kysely<Database>,
  body: RecoverWithCodeBody,
  now = new Date(),
): Promise<void> {
  assertAcceptablePassword(body.password, body);
  const email = normalizeEmail(body.email);
  await assertNotThrottled(db, email, now);
  const user = await findUserByEmail(db, email);
  const accepted = user
    ? await spendRecoveryCode(db, user.id, body.recoveryCode, now)
    : await verifyPassword(await decoyPasswordHash(), body.recoveryCode);
  if (!user || !accepted) {
    await recordFailure(db, email, now);
    throw new AppError(
      "invalid_recovery_code",
      400,
      "That email and recovery code do not match. Each code works once.",
      "recoveryCode",
    );
  }
  const passwordHash = await hashPassword(body.password);
  await db.transaction().execute(async (trx) => {
    await queries.setPasswordEndingSessions(trx, user, passwordHash, now);
    await auditReset(trx, user.id, "password reset with a recovery code", now);
  });
}

/** In the person's own access log: they did it, or someone holding their link or code did. */
function auditReset(db: Kysely<Database>, userId: string, resource: string, now: Date) {
  return appendAuditEvent(
    db,
    {
      actorId: userId,
      memberId: userId,
      action: "account:password-reset",
      resource,
      purpose: null,
      outcome: "allowed",
    },
    now,
  );
}
