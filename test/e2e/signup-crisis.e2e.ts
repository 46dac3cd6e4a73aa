import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, watchPage } from "../support/browser";
import { type RunningServer, startServer } from "../support/server-process";

/**
 * A new person on a small phone: signs up, lands on Today, finds crisis help in one tap,
 * and signs out again — with no third-party request, no console error and no axe violation.
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

    await page.getByLabel("Email").fill(`new-person-${Date.now()}@example.com`);
    const password = page.getByLabel("Password", { exact: true });
    await password.fill("quiet river morning lantern");
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
    await page.getByRole("button", { name: "Sign out" }).click();

    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");

    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });
});
