import { execFileSync } from "node:child_process";
import type { BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { type AuthenticatorApp, authenticatorApp } from "./authenticator";
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

/** The admin (signed in on `adminContext`, once, with an authenticator added) makes an invite;
 * the answer is its link. */
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
    // Admins add an authenticator at their first sign-in, before the rest of the app opens.
    await enrolThroughApi(adminContext, server);
  }
  const invite = await adminContext.request.post(`${server.url}/api/invites`, { data: { role } });
  expect(invite.status()).toBe(201);
  return ((await invite.json()) as { url: string }).url;
}

/**
 * Opens the invite link and joins through the form, the way the invited person would; staff
 * are then sent to add an authenticator, which they do (`enrolOnScreen`) before Today.
 */
export async function joinByInvite(
  page: Page,
  link: string,
  person: { email: string; password: string; displayName: string },
): Promise<AuthenticatorApp> {
  await page.goto(link);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password", { exact: true }).fill(person.password);
  await page.getByLabel(/What should we call you/).fill(person.displayName);
  await page.getByRole("button", { name: "Accept invite" }).click();
  const app = await enrolOnScreen(page);
  await page.getByRole("heading", { level: 1, name: `Hello, ${person.displayName}` }).waitFor();
  return app;
}

/**
 * On the "Sign-in protection" screen staff are sent to: sets up the authenticator the way a
 * person would, typing the code an app computes from the setup key shown, and saves the codes.
 */
export async function enrolOnScreen(page: Page): Promise<AuthenticatorApp> {
  await page.getByRole("heading", { level: 1, name: "Sign-in protection" }).waitFor();
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  const app = authenticatorApp(await page.getByLabel("Setup key").inputValue());
  await page.getByLabel("6-digit code").fill(app.nextCode());
  await page.getByRole("button", { name: "Turn on" }).click();
  await page.getByRole("button", { name: "I saved my codes" }).click();
  return app;
}

/**
 * For journeys that act through the API (`context.request`): adds an authenticator to the
 * account signed in on `context`, through the same enrolment routes the screen uses.
 */
export async function enrolThroughApi(
  context: BrowserContext,
  server: RunningServer,
): Promise<AuthenticatorApp> {
  const begun = await context.request.post(`${server.url}/api/second-factor/totp`, { data: {} });
  expect(begun.status()).toBe(201);
  const app = authenticatorApp(((await begun.json()) as { secret: string }).secret);
  const confirmed = await context.request.post(`${server.url}/api/second-factor/totp/confirm`, {
    data: { code: app.nextCode() },
  });
  expect(confirmed.status()).toBe(200);
  return app;
}
