import { expect } from "vitest";
import type { Role } from "../../src/domain/roles";
import { addMembership } from "../../src/server/features/auth/queries";
import { type Browser, browserFor, passphrase, uniqueEmail } from "./http-client";
import type { TestApp } from "./test-app";

/** People for integration tests: someone signed up (with a staff role in the one organization). */
export interface TestPerson {
  browser: Browser;
  id: string;
  email: string;
}

export async function signUp(
  t: TestApp,
  displayName: string,
  role: Role = "member",
): Promise<TestPerson> {
  const browser = browserFor(t.app);
  const email = uniqueEmail();
  const response = await browser.post("/api/auth/sign-up", {
    email,
    password: passphrase(),
    displayName,
    timeZone: "UTC",
  });
  expect(response.statusCode).toBe(201);
  const id = response.json().id as string;
  if (role !== "member") {
    const org = await t.store.db.selectFrom("organizations").select("id").executeTakeFirstOrThrow();
    await addMembership(t.store.db, org.id, id, role, new Date());
  }
  return { browser, id, email };
}

/** The member signs a consent for the recipient, through the API; answers the grant's id. */
export async function share(
  member: TestPerson,
  recipient: TestPerson,
  categories: string[],
): Promise<string> {
  const response = await member.browser.post("/api/consents", {
    recipientEmail: recipient.email,
    purpose: "Counseling",
    categories,
    expiresAt: null,
    expiryEvent: "When counseling ends",
    signature: { typedName: "Member" },
    revocationAcknowledged: true,
  });
  expect(response.statusCode).toBe(201);
  return response.json().id as string;
}
