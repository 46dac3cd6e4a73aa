import { expect } from "vitest";
import type { Locale } from "../../src/domain/api/auth";
import type { Role } from "../../src/domain/roles";
import { findDefaultOrganizationId } from "../../src/server/organizations";
import { type Browser, browserFor, passphrase, uniqueEmail } from "./http-client";
import { type Authenticator, addRole } from "./second-factor";
import type { TestApp } from "./test-app";

/**
 * People for integration tests, made the way people are made: they sign up through the API, an
 * admin gives staff their role, and staff add their authenticator (second-factor.ts#addRole).
 * Every int test that needs a person comes here, so a new rule for signing in changes one file.
 */
export interface TestPerson {
  browser: Browser;
  id: string;
  email: string;
  password: string;
  /** Staff's authenticator app, for a test that signs them in again; null for a member. */
  authenticator: Authenticator | null;
}

export interface SignUpOptions {
  /** The organization a staff role is held in; the default organization when left out. */
  organizationId?: string;
  timeZone?: string;
  locale?: Locale;
}

export async function signUp(
  t: TestApp,
  displayName = "A person",
  role: Role = "member",
  options: SignUpOptions = {},
): Promise<TestPerson> {
  const browser = browserFor(t.app);
  const email = uniqueEmail(role);
  const password = passphrase();
  const response = await browser.post("/api/auth/sign-up", {
    email,
    password,
    displayName,
    timeZone: options.timeZone ?? "UTC",
    ...(options.locale ? { locale: options.locale } : {}),
  });
  expect(response.statusCode, response.body).toBe(201);
  const id = response.json().id as string;
  let authenticator: Authenticator | null = null;
  if (role !== "member") {
    const organizationId = options.organizationId ?? (await defaultOrganizationId(t));
    authenticator = await addRole(t.store.db, browser, { userId: id, organizationId }, role);
  }
  return { browser, id, email, password, authenticator };
}

/** The organization sign-up puts people in (the oldest), however many a test adds. */
export async function defaultOrganizationId(t: TestApp): Promise<string> {
  const id = await findDefaultOrganizationId(t.store.db);
  if (!id) throw new Error("The test app has no default organization");
  return id;
}

/** The body of a consent for `recipientEmail` naming `categories`. */
export const consentFor = (
  recipientEmail: string,
  categories: readonly string[],
  purpose = "Treatment and support",
) => ({
  recipientEmail,
  purpose,
  categories,
  expiresAt: null,
  expiryEvent: "When I finish treatment",
  signature: { typedName: "Member" },
  revocationAcknowledged: true,
});

/** The member signs a consent for the recipient, through the API; answers the grant's id. */
export async function share(
  member: TestPerson,
  recipient: TestPerson,
  categories: readonly string[],
  purpose?: string,
): Promise<string> {
  const response = await member.browser.post(
    "/api/consents",
    consentFor(recipient.email, categories, purpose),
  );
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}
