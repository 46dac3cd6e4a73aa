import fs from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, watchPage } from "../support/browser";
import { type RunningServer, startServer } from "../support/server-process";

/** A member takes all their data with them, asks to delete the account, and keeps it after all. */
describe("your data: download and deletion", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("downloads every record, then asks to delete the account and keeps it", async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const watch = watchPage(page, server.url, [
      { path: "/api/me", status: 401 },
      { path: "/api/me/deletion", status: 403 },
    ]);
    const password = "steady steps by the river";
    await page.goto(`${server.url}/sign-up`);
    await page.getByLabel("Email").fill(`your-data-${Date.now()}@example.com`);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByLabel("What should we call you? (optional)").fill("Jo");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { level: 1, name: "Hello, Jo" }).waitFor();

    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("link", { name: /Your data/ }).click();
    await page.getByRole("heading", { level: 1, name: "Your data" }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download all my data" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^waymark-export-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(await fs.readFile((await download.path()) as string, "utf8"));
    expect(file).toMatchObject({ format: "waymark-export/1", account: { displayName: "Jo" } });
    expect(file.records.sessions.length).toBeGreaterThan(0);

    // A wrong password is said next to the field, and nothing is asked.
    await page.getByLabel("Your password, to confirm it's you").fill("not my password at all");
    await page.getByRole("button", { name: "Delete my account" }).click();
    await page.getByText("That password is not right.").waitFor();
    await page.getByLabel("Your password, to confirm it's you").fill(password);
    await page.getByRole("button", { name: "Delete my account" }).click();
    await page.getByText(/Your account will be deleted on .+ Changed your mind\?/).waitFor();
    const keep = page.getByRole("button", { name: "Keep my account" });
    await expect.poll(() => keep.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await keep.click();
    await page
      .getByRole("status")
      .filter({ hasText: "Your account stays. Nothing was deleted." })
      .waitFor();
    await page.getByRole("button", { name: "Delete my account" }).waitFor();
    await page.reload();
    await page.getByRole("button", { name: "Delete my account" }).waitFor();
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });
});
