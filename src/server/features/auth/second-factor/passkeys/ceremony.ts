import type { Kysely } from "kysely";
import { PASSKEY_CHALLENGE_SECONDS } from "../../../../../domain/passkeys";
import type { Database } from "../../../../db/schema";
import { appendAuditEvent } from "../../../../security/audit";
import type { Actor } from "../../../../security/session";
import * as queries from "./queries";

/** What enrolment and sign-in with a passkey share: the challenge kept, the credentials
 * named to the browser, and the line in the person's access log. */

/** The WebAuthn library, loaded with the first passkey ceremony: its certificate and ASN.1
 * parsers were a large part of the server's start (docs/performance.md, fifth round). */
export function webAuthn() {
  return import("@simplewebauthn/server");
}

/** How long the browser's prompt waits, and the challenge lives. */
export const TIMEOUT_MS = PASSKEY_CHALLENGE_SECONDS * 1000;

/** Keeps the challenge just handed to this session's browser, for its one answer. */
export async function keepChallenge(
  db: Kysely<Database>,
  actor: Actor,
  purpose: queries.Purpose,
  challenge: string,
  now: Date,
) {
  const expiresAt = new Date(now.getTime() + TIMEOUT_MS);
  await db
    .transaction()
    .execute((trx) =>
      queries.putChallenge(
        trx,
        { sessionId: actor.sessionId, userId: actor.userId, purpose, challenge, expiresAt },
        now,
      ),
    );
}

/** The person's passkeys as the browser is told about them (to exclude, or to allow). */
export function credentialDescriptors(
  passkeys: readonly { credential_id: string; transports: string }[],
) {
  return passkeys.map((passkey) => ({
    id: passkey.credential_id,
    transports: transportsOf(passkey),
  }));
}

export function transportsOf(passkey: { transports: string }): string[] {
  return JSON.parse(passkey.transports) as string[];
}

/** In the person's own access log: a change to how they sign in, or a sign-in with a passkey. */
export function auditPasskey(db: Kysely<Database>, userId: string, action: string, now: Date) {
  return appendAuditEvent(
    db,
    {
      actorId: userId,
      memberId: userId,
      action,
      resource: "passkey",
      purpose: null,
      outcome: "allowed",
    },
    now,
  );
}
