// Using a passkey: to finish signing in (service.ts#verifySecondFactor asks) or to open the app
// lock; the challenge for the browser, and whether its answer is a fresh signature by one of
// this person's passkeys.
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import type { Kysely } from "kysely";
import type {
  AuthenticationResponse,
  PasskeyRequestOptions,
} from "../../../../../domain/api/passkeys";
import { isFreshSignCount, type RelyingParty } from "../../../../../domain/passkeys";
import type { Database } from "../../../../db/schema";
import { AppError } from "../../../../errors";
import type { Actor } from "../../../../security/session";
import {
  auditPasskey,
  credentialDescriptors,
  keepChallenge,
  TIMEOUT_MS,
  transportsOf,
  webAuthn,
} from "./ceremony";
import * as queries from "./queries";

/** What a passkey's signature is for: finishing sign-in, or opening the app lock on this device. */
type Use = "sign-in" | "unlock";
const PURPOSE: Record<Use, queries.Purpose> = { "sign-in": "authentication", unlock: "unlock" };

/** Finishing sign-in: the options for the browser to ask one of the person's passkeys. */
export async function beginSignIn(
  db: Kysely<Database>,
  actor: Actor,
  relyingParty: RelyingParty,
  now = new Date(),
): Promise<PasskeyRequestOptions> {
  if (actor.secondFactor !== "pending") {
    throw new AppError("not_partly_signed_in", 409, "You are already signed in.");
  }
  return requestOptions(db, actor, relyingParty, "sign-in", now);
}

/**
 * Opening the app lock on a shared phone with a passkey instead of the PIN: the person must be
 * verified by the device (fingerprint, face or its own PIN), not only present.
 */
export async function beginUnlock(
  db: Kysely<Database>,
  actor: Actor,
  relyingParty: RelyingParty,
  now = new Date(),
): Promise<PasskeyRequestOptions> {
  return requestOptions(db, actor, relyingParty, "unlock", now);
}

export function acceptPasskeySignIn(
  db: Kysely<Database>,
  actor: Actor,
  response: AuthenticationResponse,
  relyingParty: RelyingParty,
  now: Date,
): Promise<boolean> {
  return acceptAnswer(db, actor, response, relyingParty, "sign-in", now);
}

/** The app lock opens on this answer, or a 400 says it did not work. Not audited: the lock
 * opens many times a day and guards the screen, not the account. */
export async function unlockWithPasskey(
  db: Kysely<Database>,
  actor: Actor,
  response: AuthenticationResponse,
  relyingParty: RelyingParty,
  now = new Date(),
): Promise<void> {
  if (!(await acceptAnswer(db, actor, response, relyingParty, "unlock", now))) {
    throw new AppError("passkey_refused", 400, "That passkey did not work. Use your PIN.");
  }
}

async function requestOptions(
  db: Kysely<Database>,
  actor: Actor,
  relyingParty: RelyingParty,
  use: Use,
  now: Date,
): Promise<PasskeyRequestOptions> {
  const passkeys = await queries.listPasskeys(db, actor.userId);
  if (passkeys.length === 0) {
    throw new AppError("no_passkey", 409, "You have no passkey. Use another way.");
  }
  const { generateAuthenticationOptions } = await webAuthn();
  const options = await generateAuthenticationOptions({
    rpID: relyingParty.rpID,
    allowCredentials: credentialDescriptors(passkeys),
    timeout: TIMEOUT_MS,
    userVerification: use === "unlock" ? "required" : "preferred",
  });
  await keepChallenge(db, actor, PURPOSE[use], options.challenge, now);
  return options as PasskeyRequestOptions;
}

/**
 * Whether the answer is a signature by one of this person's passkeys over the challenge this
 * session was given for this use (used up whatever the outcome), from this site, with a counter
 * that moved on. Each accepted sign-in is in the person's access log.
 */
async function acceptAnswer(
  db: Kysely<Database>,
  actor: Actor,
  response: AuthenticationResponse,
  relyingParty: RelyingParty,
  use: Use,
  now: Date,
): Promise<boolean> {
  const passkey = await queries.findPasskeyByCredential(db, actor.userId, response.id);
  if (!passkey) return false;
  let newCount: number;
  const { verifyAuthenticationResponse } = await webAuthn();
  try {
    const verification = await verifyAuthenticationResponse({
      // Checked in outline by the route's schema; the library checks every byte.
      response: response as AuthenticationResponseJSON,
      expectedChallenge: (challenge) =>
        queries.takeChallenge(db, actor.sessionId, PURPOSE[use], challenge, now),
      expectedOrigin: relyingParty.origin,
      expectedRPID: relyingParty.rpID,
      credential: {
        id: passkey.credential_id,
        publicKey: Buffer.from(passkey.public_key, "base64url"),
        counter: Number(passkey.sign_count),
        transports: transportsOf(passkey),
      },
      requireUserVerification: use === "unlock",
    });
    if (!verification.verified) return false;
    newCount = verification.authenticationInfo.newCounter;
  } catch {
    return false;
  }
  // The library checks the counter too; the rule is ours, and the update below holds it under races.
  if (!isFreshSignCount(newCount, Number(passkey.sign_count))) return false;
  return db.transaction().execute(async (trx) => {
    if (!(await queries.claimSignCount(trx, passkey, newCount, now))) return false;
    if (use === "sign-in") await auditPasskey(trx, actor.userId, "account:passkey-sign-in", now);
    return true;
  });
}
