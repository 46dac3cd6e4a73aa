import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, watchPage } from "../support/browser";
import { type RunningServer, startServer } from "../support/server-process";

/**
 * A shared phone: a member sets an app PIN, the app locks when left idle (time fast-forwarded
 * with Playwright's clock), the lock screen shows nothing of theirs but keeps crisis help, the
 * right PIN opens it and five wrong ones sign out; quick exit leaves a blank page that Back
 * cannot undo, by button (in Spanish too) and by Escape three times.
 */
describe("app lock and quick exit", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const password = "quiet harbour at dawn";

  async function signUp(page: Page, email: string) {
    await page.goto(`${server.url}/sign-up`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByLabel("What should we call you? (optional)").fill("Robin");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { level: 1, name: "Hello, Robin" }).waitFor();
  }

  async function enterPin(page: Page, pin: string) {
    await page.getByLabel("PIN", { exact: true }).fill(pin);
    await page.getByRole("button", { name: "Unlock" }).click();
  }

  it("locks after idle, hides everything but help, opens with the PIN, signs out after 5 misses", async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: "en-US",
    });
    const page = await context.newPage();
    const watch = watchPage(page, server.url, [{ path: "/api/me", status: 401 }]);
    await page.clock.install();
    const email = `shared-phone-${Date.now()}@example.com`;
    await signUp(page, email);

    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("link", { name: /^Lock and privacy/ }).click();
    await page.getByRole("heading", { level: 1, name: "Lock and privacy" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("radio", { name: "1 minute" }).check();
    await page.getByLabel("Choose a PIN").fill("2468");
    await page.getByLabel("Type the PIN again").fill("2469");
    await page.getByRole("button", { name: "Turn on app lock" }).click();
    await page.getByText("The two PINs don't match.").waitFor();
    await page.getByLabel("Type the PIN again").fill("2468");
    await page.getByRole("button", { name: "Turn on app lock" }).click();
    await page.getByText("App lock is on.").waitFor();
    // Only a salted hash is kept on the phone, never the PIN.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).not.toContain("2468");

    await page.getByRole("link", { name: "Today", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Hello, Robin" }).waitFor();

    // Left alone for a minute: locked, nothing of theirs on screen, help still there.
    await page.clock.fastForward("01:10");
    await page.getByRole("heading", { level: 1, name: "Locked" }).waitFor();
    expect(await page.locator("body").textContent()).not.toContain("Robin");
    expect(await page.getByRole("navigation", { name: /main/i }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // A reload does not open the lock.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Locked" }).waitFor();

    // Crisis help is reachable while locked; coming back finds it still locked.
    await page.getByRole("banner").getByRole("link", { name: "Get help now" }).click();
    await page.getByRole("heading", { level: 1, name: "Help, right now" }).waitFor();
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "Locked" }).waitFor();

    await enterPin(page, "1357");
    await page.getByText("4 tries left").waitFor();
    await enterPin(page, "2468");
    await page.getByRole("heading", { level: 1, name: "Hello, Robin" }).waitFor();

    // Five wrong PINs in a row: signed out; the password opens the app again, unlocked.
    await page.clock.fastForward("01:10");
    await page.getByRole("heading", { level: 1, name: "Locked" }).waitFor();
    for (const [wrong, left] of [
      ["1111", "4 tries left"],
      ["2222", "3 tries left"],
      ["3333", "2 tries left"],
      ["4444", "1 try left"],
    ] as const) {
      await enterPin(page, wrong);
      await page.getByText(left).waitFor();
    }
    await enterPin(page, "5555");
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    expect((await context.request.get(`${server.url}/api/me`)).status()).toBe(401);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Hello, Robin" }).waitFor();

    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it("discreet mode shows a neutral name; quick exit leaves a blank page Back does not undo", async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: "en-US",
    });
    const page = await context.newPage();
    const watch = watchPage(page, server.url, [{ path: "/api/me", status: 401 }]);
    await signUp(page, `quick-exit-${Date.now()}@example.com`);
    const me = (await (await context.request.get(`${server.url}/api/me`)).json()) as { id: string };
    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("link", { name: /^Lock and privacy/ }).click();

    // Discreet mode: neutral name, tab title, manifest and icon; notifications forced discreet.
    const detailsOn = await context.request.put(
      `${server.url}/api/members/${me.id}/notification-preferences`,
      {
        data: { details: true },
      },
    );
    expect(detailsOn.status()).toBe(200);
    await page.getByRole("checkbox", { name: "Use discreet mode on this phone" }).check();
    await page.getByText("Discreet mode is on.").waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Lock and privacy" }).waitFor();
    expect(await page.title()).toBe("Notes");
    const banner = page.getByRole("banner");
    await banner.getByRole("link", { name: "Notes, go to the start" }).waitFor();
    expect(await banner.textContent()).not.toContain("Waymark");
    expect(await page.locator('link[rel="manifest"]').getAttribute("href")).toBe(
      "/manifest-discreet.webmanifest",
    );
    const manifest = await (
      await context.request.get(`${server.url}/manifest-discreet.webmanifest`)
    ).json();
    expect(manifest).toMatchObject({ name: "Notes", short_name: "Notes" });
    const reminders = await (
      await context.request.get(`${server.url}/api/members/${me.id}/reminders`)
    ).json();
    expect(reminders.notificationDetails).toBe(false);
    await page.getByRole("link", { name: "Settings", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();

    await page.getByRole("banner").getByRole("button", { name: "Quick exit" }).click();
    await page.waitForURL("about:blank");
    await page.goBack();
    await page.waitForURL("about:blank");
    expect(await page.content()).not.toContain("Waymark");
    expect(await page.title()).toBe("");
    expect(watch.foreignRequests).toEqual([]);

    // Opening Waymark afresh in the same tab works as usual.
    await page.goto(`${server.url}/`);
    await page.getByRole("heading", { level: 1, name: "Hello, Robin" }).waitFor();

    // Escape three times in quick succession also leaves.
    for (let press = 0; press < 3; press++) await page.keyboard.press("Escape");
    await page.waitForURL("about:blank");
    await context.close();
  });

  it("offers quick exit in Spanish too", async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: "es-ES",
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole("heading", { level: 1, name: "Iniciar sesión" }).waitFor();
    await page.getByRole("banner").getByRole("button", { name: "Salida rápida" }).click();
    await page.waitForURL("about:blank");
    await context.close();
  });
});
