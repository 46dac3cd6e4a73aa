import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, watchPage } from "../support/browser";
import { type RunningServer, startServer } from "../support/server-process";
import {
  ADMIN,
  CLINICIAN,
  createAdmin,
  enrolOnScreen,
  inviteLink,
  joinByInvite,
  PHONE,
} from "../support/staff";

/**
 * A member loses their phone and asks the clinic's admin for help: the admin signs them out of
 * every device from Settings (ASVS 7.4.5); the lost phone is signed out on its next request.
 * Then a clinician leaves the clinic: the admin removes them from Settings › Staff (ASVS 7.4.2)
 * and the clinician's phone is signed out at once; then signs everyone out at once (7.4.5), and
 * signs out from the header (7.4.4).
 */
describe("an admin signs someone out everywhere", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    createAdmin(server);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("ends every session of the person, and removes a clinician who left", async () => {
    const lostPhone = await browser.newContext(PHONE);
    const memberPage = await lostPhone.newPage();
    const email = `lee-${Date.now()}@example.com`;
    await memberPage.goto(`${server.url}/sign-up`);
    await memberPage.getByLabel("Email").fill(email);
    await memberPage.getByLabel("Password", { exact: true }).fill("lanterns along the canal");
    await memberPage.getByLabel(/What should we call you/).fill("Lee");
    await memberPage.getByRole("button", { name: "Create account" }).click();
    await memberPage.getByRole("heading", { level: 1, name: "Hello, Lee" }).waitFor();

    const adminContext = await browser.newContext(PHONE);
    const page = await adminContext.newPage();
    const watch = watchPage(page, server.url, [{ path: "/api/me", status: 401 }]);
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Enrolment's last answer (is the account open elsewhere?) is held while the admin goes
    // on to Settings: when it comes, they stay there instead of being pulled to Today.
    let releaseSessions = () => {};
    const sessionsHeld = new Promise<void>((resolve) => {
      releaseSessions = resolve;
    });
    await page.route(`${server.url}/api/sessions`, async (route) => {
      await sessionsHeld;
      await route.continue();
    });
    await enrolOnScreen(page);
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Settings" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
    const sessionsAnswered = page.waitForResponse(`${server.url}/api/sessions`);
    releaseSessions();
    await (await sessionsAnswered).finished();
    await page.unroute(`${server.url}/api/sessions`);
    await page.evaluate(() => new Promise((drawn) => requestAnimationFrame(drawn)));
    expect(await page.getByRole("heading", { level: 1, name: "Settings" }).isVisible()).toBe(true);
    await page.getByRole("link", { name: /Password reset and sign-out/ }).click();
    await page.getByRole("heading", { level: 2, name: "Sign someone out everywhere" }).waitFor();
    await page.getByLabel("Their email").last().fill(email);
    await page.getByRole("button", { name: "Sign them out everywhere" }).click();
    await page
      .getByRole("status")
      .getByText(/every device it was signed in on/)
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await memberPage.reload();
    await memberPage.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();

    // A clinician joins, later leaves, and the admin removes them.
    const clinicianContext = await browser.newContext(PHONE);
    const clinicianPage = await clinicianContext.newPage();
    const link = await inviteLink(adminContext, server, "clinician");
    await joinByInvite(clinicianPage, link, { ...CLINICIAN, displayName: "Sam Rivera" });
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Settings" })
      .click();
    await page.getByRole("link", { name: /^Staff/ }).click();
    await page.getByRole("heading", { level: 1, name: "Staff" }).waitFor();
    await page.getByRole("button", { name: "Remove Sam Rivera from organization" }).click();
    await page.getByText(/They will be signed out on every device at once/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Yes, remove Sam Rivera" }).click();
    await page
      .getByRole("status")
      .getByText(/Sam Rivera was removed and signed out everywhere/)
      .waitFor();
    await clinicianPage.reload();
    await clinicianPage.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();

    // An emergency: everyone is signed out at once; the admin stays (ASVS 7.4.5).
    await page.getByRole("button", { name: "Sign everyone out…" }).click();
    await page.getByLabel("Your password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign everyone out now" }).click();
    await page
      .getByRole("status")
      .getByText(/were signed out|was signed out/)
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Sign out is in the header of every screen.
    await page.getByRole("banner").getByRole("link", { name: "Sign out" }).click();
    await page.getByRole("heading", { level: 1, name: "Sign out" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await Promise.all([lostPhone.close(), adminContext.close(), clinicianContext.close()]);
  }, 180_000);
});
