// Finishing sign-in with a passkey: the challenge for the browser, and whether its answer is a
// fresh signature by one of this person's passkeys (service.ts#verifySecondFactor asks).
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
} from "@simplewebauthn/server";
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
} from "./ceremony";
import * as queries from "./queries";

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
  const passkeys = await queries.listPasskeys(db, actor.userId);
  if (passkeys.length === 0) {
    throw new AppError("no_passkey", 409, "You have no passkey. Use your authenticator app.");
  }
  const options = await generateAuthenticationOptions({
    rpID: relyingParty.rpID,
    allowCredentials: credentialDescriptors(passkeys),
    timeout: TIMEOUT_MS,
    userVerification: "preferred",
  });
  await keepChallenge(db, actor, "authentication", options.challenge, now);
  return options as PasskeyRequestOptions;
}

/**
 * Whether the answer is a signature by one of this person's passkeys over the challenge this
 * session was given (used up whatever the outcome), from this site, with a counter that moved
 * on. Each accepted sign-in is in the person's access log.
 */
export async function acceptPasskeySignIn(
  db: Kysely<Database>,
  actor: Actor,
  response: AuthenticationResponse,
  relyingParty: RelyingParty,
  now: Date,
): Promise<boolean> {
  const passkey = await queries.findPasskeyByCredential(db, actor.userId, response.id);
  if (!passkey) return false;
  let newCount: number;
  try {
    const verification = await verifyAuthenticationResponse({
      // Checked in outline by the route's schema; the library checks every byte.
      response: response as AuthenticationResponseJSON,
      expectedChallenge: (challenge) =>
        queries.takeChallenge(db, actor.sessionId, "authentication", challenge, now),
      expectedOrigin: relyingParty.origin,
      expectedRPID: relyingParty.rpID,
      credential: {
        id: passkey.credential_id,
        publicKey: Buffer.from(passkey.public_key, "base64url"),
        counter: Number(passkey.sign_count),
        transports: transportsOf(passkey),
      },
      requireUserVerification: false,
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
    await auditPasskey(trx, actor.userId, "account:passkey-sign-in", now);
    return true;
  });
}
