// The second factor: an authenticator app (TOTP) or passkeys, with one-time recovery codes, so a
// stolen password alone opens no account, and staff see nobody's records until they have added one.
import type { Kysely } from "kysely";
import type {
  RecoveryCodes,
  SecondFactorStatus,
  TotpEnrolment,
  VerifySecondFactorBody,
} from "../../../../domain/api/second-factor";
import type { RelyingParty } from "../../../../domain/passkeys";
import {
  isFreshStep,
  normalizeTotpCode,
  requiresSecondFactor,
} from "../../../../domain/second-factor";
import type { Database } from "../../../db/schema";
import { AppError } from "../../../errors";
import { startVerifiedSession } from "../../../security/second-factor";
import type { SecretBox } from "../../../security/secret-box";
import type { Actor } from "../../../security/session";
import * as authQueries from "../queries";
import { assertNotThrottled, confirmPassword } from "../service";
import { countPasskeys } from "./passkeys/queries";
import { acceptPasskeySignIn } from "./passkeys/sign-in";
import * as queries from "./queries";
import { newRecoveryCodes, spendRecoveryCode } from "./recovery-codes";
import { matchTotpStep, newTotpSecret, totpUri } from "./totp";
import { readTotpSecret, sealTotpSecret } from "./totp-secrets";

/** Wrong codes count like wrong passwords, per account, in the same table and with the same
 * waits and lock; the key keeps them apart from password failures. */
const throttleKey = (userId: string) => `second-factor:${userId}`;

type VerifiedSession = { token: string; expiresAt: Date };

export async function getStatus(db: Kysely<Database>, actor: Actor): Promise<SecondFactorStatus> {
  const totp = await queries.findTotp(db, actor.userId);
  return {
    state: actor.secondFactor === "in-process" ? "verified" : actor.secondFactor,
    required: requiresSecondFactor(actor.memberships.map((m) => m.role)),
    totp: Boolean(totp?.confirmed_at),
    passkeys: await countPasskeys(db, actor.userId),
    recoveryCodesLeft: await queries.countUnusedRecoveryCodes(db, actor.userId),
  };
}

/** A new secret, shown this once; it is not in use until a first code confirms it. */
export async function beginTotpEnrolment(
  db: Kysely<Database>,
  secrets: SecretBox,
  actor: Actor,
  now = new Date(),
): Promise<TotpEnrolment> {
  const existing = await queries.findTotp(db, actor.userId);
  if (existing?.confirmed_at) {
    throw new AppError(
      "totp_already_enrolled",
      409,
      "You already have an authenticator app set up.",
    );
  }
  const secret = newTotpSecret();
  const sealed = sealTotpSecret(secrets, actor.userId, secret);
  await db.transaction().execute((trx) => queries.putPendingTotp(trx, actor.userId, sealed, now));
  return { secret, uri: totpUri(secret, actor.email) };
}

/**
 * The first code proves the app holds the secret: the factor is in use from now on, this
 * session counts as having given it, and the recovery codes are made (shown once).
 */
export async function confirmTotpEnrolment(
  db: Kysely<Database>,
  secrets: SecretBox,
  actor: Actor,
  typed: string,
  userAgent: string | null,
  now = new Date(),
): Promise<{ codes: RecoveryCodes; session: VerifiedSession }> {
  await assertNotThrottled(db, throttleKey(actor.userId), now);
  const pending = await queries.findTotp(db, actor.userId);
  if (!pending || pending.confirmed_at) {
    throw new AppError("no_enrolment_started", 409, "Start again: ask for a new setup key first.");
  }
  const step = await acceptTotp(db, secrets, pending, typed, now, now);
  if (step === null) throw await wrongCode(db, actor.userId, now, "code");
  await authQueries.clearFailures(db, throttleKey(actor.userId));
  const codes = { recoveryCodes: await newRecoveryCodes(db, actor.userId, now) };
  return { codes, session: await startVerifiedSession(db, actor, userAgent, now) };
}

/** Finishing sign-in: a code from the app, a recovery code (used up), or a passkey. */
export async function verifySecondFactor(
  db: Kysely<Database>,
  secrets: SecretBox,
  actor: Actor,
  body: VerifySecondFactorBody,
  relyingParty: RelyingParty,
  userAgent: string | null,
  now = new Date(),
): Promise<VerifiedSession> {
  if (actor.secondFactor !== "pending") {
    throw new AppError("not_partly_signed_in", 409, "You are already signed in.");
  }
  await assertNotThrottled(db, throttleKey(actor.userId), now);
  let accepted: boolean;
  if ("recoveryCode" in body) {
    accepted = await spendRecoveryCode(db, actor.userId, body.recoveryCode, now);
  } else if ("passkey" in body) {
    accepted = await acceptPasskeySignIn(db, actor, body.passkey, relyingParty, now);
  } else {
    const factor = await queries.findTotp(db, actor.userId);
    accepted =
      factor?.confirmed_at != null &&
      (await acceptTotp(db, secrets, factor, body.code, now, null)) !== null;
  }
  if (!accepted) {
    throw await wrongCode(
      db,
      actor.userId,
      now,
      "recoveryCode" in body ? "recoveryCode" : "passkey" in body ? "passkey" : "code",
    );
  }
  await authQueries.clearFailures(db, throttleKey(actor.userId));
  return startVerifiedSession(db, actor, userAgent, now);
}

/** A fresh set replaces the old one (a lost sheet, or all used), once the password is given
 * again: whoever holds the codes can reset the password. */
export async function regenerateRecoveryCodes(
  db: Kysely<Database>,
  actor: Actor,
  password: string,
  now = new Date(),
): Promise<RecoveryCodes> {
  await confirmPassword(db, actor.userId, password, now);
  return { recoveryCodes: await newRecoveryCodes(db, actor.userId, now) };
}

/** The step of a valid, not yet used code, claimed so it can never be used again; or null. */
async function acceptTotp(
  db: Kysely<Database>,
  secrets: SecretBox,
  factor: { user_id: string; shared_secret: string; last_used_step: number | null },
  typed: string,
  now: Date,
  confirmAt: Date | null,
): Promise<number | null> {
  const code = normalizeTotpCode(typed);
  if (code === null) return null;
  const step = matchTotpStep(await readTotpSecret(db, secrets, factor), code, now);
  if (step === null || !isFreshStep(step, factor.last_used_step)) return null;
  return (await queries.claimTotpStep(db, factor.user_id, step, confirmAt)) ? step : null;
}

async function wrongCode(
  db: Kysely<Database>,
  userId: string,
  now: Date,
  field: "code" | "recoveryCode" | "passkey",
): Promise<AppError> {
  await authQueries.recordFailure(db, throttleKey(userId), now);
  if (field === "passkey") {
    return new AppError(
      "passkey_refused",
      400,
      "That passkey did not work. Try again, or use your authenticator app or a recovery code.",
    );
  }
  return new AppError(
    "invalid_code",
    400,
    field === "code"
      ? "That code did not work. Codes change every 30 seconds and each works once: try the next one."
      : "That recovery code did not work. Each one works once.",
    field,
  );
}
