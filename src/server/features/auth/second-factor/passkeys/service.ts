// Passkeys (WebAuthn) as a second factor: a key on the person's phone, computer or security key
// that signs a fresh challenge, so a stolen password alone still opens nothing (issue 19).
// Here: list, add, remove; finishing sign-in with one is in sign-in.ts.
import { randomUUID } from "node:crypto";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import type { Kysely } from "kysely";
import type {
  AddedPasskey,
  AddPasskeyBody,
  Passkey,
  PasskeyCreationOptions,
  PasskeyList,
} from "../../../../../domain/api/passkeys";
import {
  isLastSecondFactor,
  MAX_PASSKEYS,
  normalizePasskeyName,
  type RelyingParty,
} from "../../../../../domain/passkeys";
import { requiresSecondFactor } from "../../../../../domain/second-factor";
import type { Database } from "../../../../db/schema";
import type { PasskeyTable } from "../../../../db/tables/passkeys";
import { AppError, notFound } from "../../../../errors";
import { startVerifiedSession } from "../../../../security/second-factor";
import type { Actor } from "../../../../security/session";
import { confirmPassword } from "../../service";
import { findTotp } from "../queries";
import { newRecoveryCodes } from "../recovery-codes";
import {
  auditPasskey,
  credentialDescriptors,
  keepChallenge,
  TIMEOUT_MS,
  webAuthn,
} from "./ceremony";
import * as queries from "./queries";

/** Shown by browsers and password managers beside the site's address. */
const RP_NAME = "Waymark";

type VerifiedSession = { token: string; expiresAt: Date };

export async function listPasskeys(db: Kysely<Database>, actor: Actor): Promise<PasskeyList> {
  return { passkeys: (await queries.listPasskeys(db, actor.userId)).map(toPasskey) };
}

/** The options for the browser to make a passkey; the challenge is kept for the answer. */
export async function beginEnrolment(
  db: Kysely<Database>,
  actor: Actor,
  relyingParty: RelyingParty,
  now = new Date(),
): Promise<PasskeyCreationOptions> {
  const existing = await queries.listPasskeys(db, actor.userId);
  if (existing.length >= MAX_PASSKEYS) {
    throw new AppError(
      "too_many_passkeys",
      409,
      `You have ${MAX_PASSKEYS} passkeys, the most one account can have. Remove one you no longer use first.`,
    );
  }
  const { generateRegistrationOptions } = await webAuthn();
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: relyingParty.rpID,
    userName: actor.email,
    // The account's random id, never the email, is what the authenticator stores as the user.
    userID: new TextEncoder().encode(actor.userId),
    timeout: TIMEOUT_MS,
    attestationType: "none",
    // The same authenticator twice would be no second way in.
    excludeCredentials: credentialDescriptors(existing),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await keepChallenge(db, actor, "registration", options.challenge, now);
  return options as PasskeyCreationOptions;
}

/**
 * The browser's answer: checked against the challenge (used up), this site's origin and
 * relying party id, then kept. A person's first second factor makes this session fully signed
 * in (a new token) and comes with recovery codes, shown once.
 */
export async function addPasskey(
  db: Kysely<Database>,
  actor: Actor,
  body: AddPasskeyBody,
  relyingParty: RelyingParty,
  userAgent: string | null,
  now = new Date(),
): Promise<{ added: AddedPasskey; session: VerifiedSession | null }> {
  const name = normalizePasskeyName(body.name);
  if (!name) throw new AppError("validation_error", 400, "Give this passkey a name.", "name");
  let credential: { id: string; publicKey: Uint8Array; counter: number } | undefined;
  let backedUp = false;
  const { verifyRegistrationResponse } = await webAuthn();
  try {
    const verification = await verifyRegistrationResponse({
      response: body.response as RegistrationResponseJSON,
      expectedChallenge: (challenge) =>
        queries.takeChallenge(db, actor.sessionId, "registration", challenge, now),
      expectedOrigin: relyingParty.origin,
      expectedRPID: relyingParty.rpID,
      // A second factor proves the device is there; the password already said who it is.
      requireUserVerification: false,
    });
    if (verification.verified) {
      credential = verification.registrationInfo.credential;
      backedUp = verification.registrationInfo.credentialBackedUp;
    }
  } catch {
    credential = undefined;
  }
  if (!credential) {
    throw new AppError(
      "passkey_refused",
      400,
      "That passkey could not be added. Try again: the request may have timed out.",
    );
  }
  if (await queries.credentialExists(db, credential.id)) {
    throw new AppError("passkey_already_added", 409, "This passkey is already in use.");
  }
  const passkey: PasskeyTable = {
    user_id: actor.userId,
    id: randomUUID(),
    credential_id: credential.id,
    public_key: Buffer.from(credential.publicKey).toString("base64url"),
    sign_count: credential.counter,
    transports: JSON.stringify(body.response.response.transports ?? []),
    name,
    backed_up: backedUp ? 1 : 0,
    created_at: now.toISOString(),
    last_used_at: null,
  };
  const isFirstFactor = actor.secondFactor === "none";
  await db.transaction().execute(async (trx) => {
    await queries.insertPasskey(trx, passkey);
    await auditPasskey(trx, actor.userId, "account:passkey-added", now);
  });
  const recoveryCodes = isFirstFactor ? await newRecoveryCodes(db, actor.userId, now) : null;
  const session = isFirstFactor ? await startVerifiedSession(db, actor, userAgent, now) : null;
  return { added: { passkey: toPasskey(passkey), recoveryCodes }, session };
}

/**
 * Removes one passkey. If it is the person's last second factor, only when the request says
 * they chose to (`lastFactor=remove-anyway`), after the screen said what they lose: then no
 * session of theirs counts as having given a second factor, so staff see nobody's records.
 */
export async function removePasskey(
  db: Kysely<Database>,
  actor: Actor,
  passkeyId: string,
  removeLastFactor: boolean,
  password: string,
  now = new Date(),
): Promise<void> {
  // First, so a session left open on a shared phone cannot strip the account's factors.
  await confirmPassword(db, actor.userId, password, now);
  const passkey = await queries.findPasskey(db, actor.userId, passkeyId);
  if (!passkey) throw notFound("That passkey");
  const totp = await findTotp(db, actor.userId);
  const factors = {
    totp: totp?.confirmed_at != null,
    passkeys: await queries.countPasskeys(db, actor.userId),
  };
  const isLast = isLastSecondFactor(factors);
  if (isLast && !removeLastFactor) {
    const staff = requiresSecondFactor(actor.memberships.map((m) => m.role));
    throw new AppError(
      "last_second_factor",
      409,
      staff
        ? "This is your last second factor. Without one you cannot see the records people share with you until you add another."
        : "This is your last second factor. Sign-in will ask only for your password.",
    );
  }
  await db.transaction().execute(async (trx) => {
    if (!(await queries.deletePasskey(trx, actor.userId, passkeyId)))
      throw notFound("That passkey");
    if (isLast) await queries.forgetSecondFactorOfSessions(trx, actor.userId);
    await auditPasskey(trx, actor.userId, "account:passkey-removed", now);
  });
}

function toPasskey(row: PasskeyTable): Passkey {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    backedUp: row.backed_up === 1,
  };
}
