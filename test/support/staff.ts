import { execFileSync } from "node:child_process";
import type { BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import type { RunningServer } from "./server-process";

/** The people the care-team journeys share: an admin made from the CLI, and their invitees. */
export const PHONE = { viewport: { width: 360, height: 740 }, locale: "en-US" } as const;
export const ADMIN = { email: "robin@example.org", password: "keys to the trailhead cabin" };
export const CLINICIAN = { email: "sam.rivera@example.org", password: "counsel with steady hands" };

/** Makes the admin with `waymark create-admin`, as an operator would on a new instance. */
export function createAdmin(server: RunningServer): void {
  execFileSync(
    "node_modules/.bin/tsx",
    ["src/cli/waymark.ts", "create-admin", "--email", ADMIN.email, "--password", ADMIN.password],
    { env: { ...process.env, WAYMARK_DATA_DIR: server.dataDir } },
  );
}

/** The admin (signed in on `adminContext`, once) makes an invite; the answer is its link. */
export async function inviteLink(
  adminContext: BrowserContext,
  server: RunningServer,
  role: "clinician" | "supporter",
): Promise<string> {
  const me = await adminContext.request.get(`${server.url}/api/me`);
  if (me.status() !== 200) {
    const signIn = await adminContext.request.post(`${server.url}/api/auth/sign-in`, {
      data: ADMIN,
    });
    expect(signIn.status()).toBe(200);
  }
  const invite = await adminContext.request.post(`${server.url}/api/invites`, { data: { role } });
  expect(invite.status()).toBe(201);
  return ((await invite.json()) as { url: string }).url;
}

/** Opens the invite link and joins through the form, the way the invited person would. */
export async function joinByInvite(
  page: Page,
  link: string,
  person: { email: string; password: string; displayName: string },
): Promise<void> {
  await page.goto(link);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password", { exact: true }).fill(person.password);
  await page.getByLabel(/What should we call you/).fill(person.displayName);
  await page.getByRole("button", { name: "Accept invite" }).click();
  await page.getByRole("heading", { level: 1, name: `Hello, ${person.displayName}` }).waitFor();
}
