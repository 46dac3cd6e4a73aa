import { expect } from "vitest";
import {
  type Browser,
  browserFor,
  passphrase,
  uniqueEmail,
} from "../../../../test/support/http-client";
import { addRole } from "../../../../test/support/second-factor";
import type { TestApp } from "../../../../test/support/test-app";
import type { EscalationSchedule } from "../../../domain/rewards/schedule";
import type { Role } from "../../../domain/roles";

/** People and settings the rewards integration tests share. */
export interface Person {
  browser: Browser;
  id: string;
  email: string;
}

/** Someone who signed up (joining the default organization) and, for staff, holds `role` there. */
export async function person(
  t: TestApp,
  organizationId: string,
  role: Role = "member",
  displayName = `A ${role}`,
): Promise<Person> {
  const browser = browserFor(t.app);
  const email = uniqueEmail(role);
  const response = await browser.post("/api/auth/sign-up", {
    email,
    password: passphrase(),
    displayName,
    timeZone: "UTC",
  });
  const id = response.json().id as string;
  if (role !== "member") await addRole(t.store.db, browser, { userId: id, organizationId }, role);
  return { browser, id, email };
}

/** The body of a consent naming `categories` (rewards by default). */
export const consentFor = (email: string, categories = ["rewards"]) => ({
  recipientEmail: email,
  purpose: "Treatment",
  categories,
  expiresAt: null,
  expiryEvent: "When I finish treatment",
  signature: { typedName: "Member" },
  revocationAcknowledged: true,
});

/** Higgins' proportions without the bonus, so runs are easy to add up by hand. */
export const PLAIN_SCHEDULE: EscalationSchedule = {
  startPoints: 10,
  stepPoints: 5,
  maxPointsPerOccasion: null,
  bonusEvery: null,
  bonusPoints: 0,
};

export async function setRewardSettings(
  admin: Person,
  organizationId: string,
  yearlyCapPoints: number,
  schedule: EscalationSchedule = PLAIN_SCHEDULE,
) {
  const saved = await admin.browser.put(`/api/organizations/${organizationId}/rewards/settings`, {
    schedule,
    yearlyCapPoints,
  });
  expect(saved.statusCode).toBe(200);
}

export async function defaultOrganizationId(t: TestApp): Promise<string> {
  const row = await t.store.db.selectFrom("organizations").select("id").executeTakeFirstOrThrow();
  return row.id;
}
