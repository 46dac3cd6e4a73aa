import type { Kysely } from "kysely";
import { expect } from "vitest";
import type { Role } from "../../src/domain/roles";
import { requiresSecondFactor } from "../../src/domain/second-factor";
import type { Database } from "../../src/server/db/schema";
import { addMembership } from "../../src/server/features/auth/queries";
import { type AuthenticatorApp, authenticatorApp } from "./authenticator";
import type { Browser } from "./http-client";

/**
 * Staff in tests add an authenticator the way a person does — through the real enrolment
 * routes, with codes computed from the setup key like an authenticator app would — so their
 * session is fully signed in. There is no switch in the app that skips this.
 */
export interface Authenticator extends AuthenticatorApp {
  recoveryCodes: string[];
}

/** Adds an authenticator for the person signed in on `browser`; their session is then verified. */
export async function enrolAuthenticator(browser: Browser): Promise<Authenticator> {
  const begun = await browser.post("/api/second-factor/totp");
  expect(begun.statusCode, begun.body).toBe(201);
  const app = authenticatorApp(begun.json().secret as string);
  const confirmed = await browser.post("/api/second-factor/totp/confirm", {
    code: app.nextCode(),
  });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return { ...app, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}

/**
 * Gives a signed-up person a role in an organization, as an admin would, and — for the roles
 * that see other people's records — adds their authenticator the way they would after signing
 * in, so `browser` is fully signed in. Every int test that makes staff goes through here.
 */
export async function addRole(
  db: Kysely<Database>,
  browser: Browser,
  person: { userId: string; organizationId: string },
  role: Role,
): Promise<Authenticator | null> {
  await addMembership(db, person.organizationId, person.userId, role, new Date());
  return requiresSecondFactor([role]) ? enrolAuthenticator(browser) : null;
}
