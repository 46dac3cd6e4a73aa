import { execFileSync } from "node:child_process";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, watchPage } from "../support/browser";
import { type RunningServer, startServer } from "../support/server-process";
import { enrolOnScreen } from "../support/staff";

/** An admin brings a clinician in with a single-use link; the link works once. */
describe("inviting a clinician", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    execFileSync(
      "node_modules/.bin/tsx",
      [
        "src/cli/waymark.ts",
        "create-admin",
        "--email",
        "robin@example.org",
        "--password",
        "keys to the trailhead cabin",
      ],
      { env: { ...process.env, WAYMARK_DATA_DIR: server.dataDir } },
    );
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("creates a link that the clinician uses to join, once", async () => {
    const adminContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const admin = await adminContext.newPage();
    const adminWatch = watchPage(admin, server.url, [{ path: "/api/me", status: 401 }]);
    await admin.goto(`${server.url}/sign-in`);
    await admin.getByLabel("Email").fill("robin@example.org");
    await admin.getByLabel("Password", { exact: true }).fill("keys to the trailhead cabin");
    await admin.getByRole("button", { name: "Sign in" }).click();
    // Admins add an authenticator before anything else.
    await enrolOnScreen(admin);
    await admin.getByRole("heading", { level: 1, name: "Hello" }).waitFor();
    await admin.getByRole("link", { name: "Settings" }).click();
    await admin.getByRole("link", { name: /Invite people/ }).click();
    await admin.getByRole("radio", { name: /Clinician/ }).check();
    await admin.getByRole("button", { name: "Create invite link" }).click();
    const link = await admin.getByLabel("Invite link").inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/invite/[A-Za-z0-9_-]{22}$`));
    expect(await axeViolations(admin)).toEqual([]);
    expect(adminWatch.consoleErrors).toEqual([]);
    expect(adminWatch.foreignRequests).toEqual([]);

    const clinicianContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const clinician = await clinicianContext.newPage();
    await clinician.goto(link);
    await clinician.getByLabel("Email").fill("sam.rivera@example.org");
    await clinician.getByLabel("Password", { exact: true }).fill("counsel with steady hands");
    await clinician.getByRole("button", { name: "Accept invite" }).click();
    await enrolOnScreen(clinician);
    await clinician.getByRole("heading", { level: 1, name: "Hello" }).waitFor();
    await clinicianContext.close();

    const latecomerContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const latecomer = await latecomerContext.newPage();
    await latecomer.goto(link);
    await latecomer.getByLabel("Email").fill("someone.else@example.org");
    await latecomer.getByLabel("Password", { exact: true }).fill("another person entirely here");
    await latecomer.getByRole("button", { name: "Accept invite" }).click();
    const alert = latecomer.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("expired or was already used");
    await latecomerContext.close();
    await adminContext.close();
  });
});
