import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, watchPage } from "../support/browser";
import { SIGN_IN_WORDS, signInOnScreen } from "../support/screens";
import { type RunningServer, startServer } from "../support/server-process";

/**
 * A new person on a small phone: signs up, lands on Today, finds crisis help in one tap,
 * ends a session on another device (with the password), and signs out again — with no third-party request, no console error and no axe violation.
 */
describe("sign up, find help, sign out", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("works at 360 px wide", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    // Before sign-up the app asks who is signed in, and the server rightly answers 401.
    const watch = watchPage(page, server.url, [{ path: "/api/me", status: 401 }]);

    await page.goto(`${server.url}/`);
    await page.waitForURL(`${server.url}/sign-in`);
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByRole("heading", { level: 1, name: "Create your account" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const account = {
      email: `new-person-${Date.now()}@example.com`,
      password: "quiet river morning lantern",
    };
    await page.getByLabel("Email").fill(account.email);
    const password = page.getByLabel("Password", { exact: true });
    await password.fill(account.password);
    await page.getByText("27 characters — long enough").waitFor();
    await page.getByRole("button", { name: "Show password" }).click();
    expect(await password.getAttribute("type")).toBe("text");
    await page.getByLabel("What should we call you? (optional)").fill("Sam");
    await page.getByRole("button", { name: "Create account" }).click();

    await page.getByRole("heading", { level: 1, name: "Hello, Sam" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    await page.getByRole("region", { name: "Today's check-in" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("banner").getByRole("link", { name: "Get help now" }).click();
    await page.getByRole("heading", { level: 1, name: "Help, right now" }).waitFor();
    const call988 = page.getByRole("link", { name: "Call 988" });
    expect(await call988.getAttribute("href")).toBe("tel:988");
    expect(await page.getByRole("link", { name: "Call 1-800-662-4357" }).getAttribute("href")).toBe(
      "tel:18006624357",
    );
    expect(await axeViolations(page)).toEqual([]);

    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Settings" })
      .click();
    await page.getByRole("link", { name: /Signed-in devices/ }).click();
    await page.getByText("This device").waitFor();

    // Sam is signed in on a second device too: ending that session asks for the password first.
    const otherContext = await browser.newContext();
    const otherPage = await otherContext.newPage();
    await otherPage.goto(`${server.url}/sign-in`);
    await signInOnScreen(otherPage, account, SIGN_IN_WORDS.en);
    await otherPage.getByRole("heading", { level: 1, name: "Hello, Sam" }).waitFor();
    await otherContext.close();
    await page.reload();
    const otherDevice = page
      .getByRole("main")
      .getByRole("listitem")
      .filter({ hasText: "Signed in" })
      .filter({ hasNotText: "This device" });
    const endOther = otherDevice.getByRole("button", { name: /^End session on / });
    await endOther.click();
    await otherDevice.getByRole("button", { name: "Keep it signed in" }).click();
    await endOther.click();
    await otherDevice.getByLabel("Your password", { exact: true }).fill(account.password);
    await otherDevice.getByRole("button", { name: "End session", exact: true }).click();
    await page.getByText("Session ended.").waitFor();
    expect(await otherDevice.count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Sign out" }).click();

    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");

    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });
});
