import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, watchPage } from "../support/browser";
import { type RunningServer, startServer } from "../support/server-process";

/** Someone mistypes their password: they get a clear, kind message, then get in. */
describe("sign in after a wrong password", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("explains the mistake, then lets the person in", async () => {
    const email = `returning-${Date.now()}@example.com`;
    const password = "lantern harbor evening walk";

    const signUpContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const signUpPage = await signUpContext.newPage();
    await signUpPage.goto(`${server.url}/sign-up`);
    await signUpPage.getByLabel("Email").fill(email);
    await signUpPage.getByLabel("Password", { exact: true }).fill(password);
    await signUpPage.getByRole("button", { name: "Create account" }).click();
    await signUpPage.getByRole("heading", { level: 1, name: "Hello" }).waitFor();
    await signUpContext.close();

    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const watch = watchPage(page, server.url, [
      { path: "/api/me", status: 401 },
      { path: "/api/auth/sign-in", status: 401 },
    ]);
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("lantern harbor evening run");
    await page.getByRole("button", { name: "Sign in" }).click();

    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      "That email and password don't match. Please check them and try again.",
    );
    expect(new URL(page.url()).pathname).toBe("/sign-in");

    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Hello" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");

    // Someone already signed in who opens the sign-in page goes straight to Today.
    await page.goto(`${server.url}/sign-in`);
    await page.waitForURL(`${server.url}/`);
    await page.getByRole("heading", { level: 1, name: "Hello" }).waitFor();

    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });
});
