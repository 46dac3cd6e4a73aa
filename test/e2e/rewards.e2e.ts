import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addLocalDays, localDayOf } from "../../src/domain/local-day";
import { axeViolations, launchBrowser, watchPage } from "../support/browser";
import { type RunningServer, startServer } from "../support/server-process";
import { CLINICIAN, createAdmin, inviteLink, joinByInvite, PHONE } from "../support/staff";

/**
 * Contingency management end to end: the admin sets the schedule and a small yearly cap and
 * lists a reward; a clinician the member shares rewards with adds a target and verifies it; the
 * member (who reads Spanish) sees the points, a kind word about the cap, redeems, undoes and
 * redeems again.
 */
describe("rewards for verified targets", () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const timeZone = "America/Chicago";

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    createAdmin(server);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it("a clinician verifies a target, and the member sees the points and redeems", async () => {
    // The admin sets the published schedule's proportions, a yearly cap of 25, and a bus pass.
    const adminContext = await browser.newContext(PHONE);
    contexts.push(adminContext);
    const inviteUrl = await inviteLink(adminContext, server, "clinician");
    const admin = await adminContext.newPage();
    // A stuck step fails with its locator named, well inside the test's own time.
    admin.setDefaultTimeout(20_000);
    const adminWatch = watchPage(admin, server.url);
    await admin.goto(`${server.url}/settings`);
    await admin.getByRole("link", { name: /^Rewards/ }).click();
    await admin.getByRole("heading", { level: 1, name: "Rewards" }).waitFor();
    await admin
      .getByRole("button", { name: "Fill in the published schedule's proportions" })
      .click();
    expect(await admin.getByLabel("Points for the first one").inputValue()).toBe("10");
    await admin.getByLabel("Yearly limit per person, in points").fill("25");
    await admin.getByRole("button", { name: "Save settings" }).click();
    await admin.getByText("Settings saved. New points follow them from now on.").waitFor();
    await admin.getByLabel("Reward", { exact: true }).fill("Bus pass");
    await admin.getByLabel("Points it takes").fill("20");
    await admin.getByRole("button", { name: "Add reward" }).click();
    await admin.getByText("Reward added.").waitFor();
    await admin.getByRole("button", { name: "Take Bus pass off the list" }).waitFor();
    expect(await axeViolations(admin)).toEqual([]);

    const clinicianContext = await browser.newContext({ ...PHONE, timezoneId: timeZone });
    contexts.push(clinicianContext);
    const clinician = await clinicianContext.newPage();
    clinician.setDefaultTimeout(20_000);
    const clinicianExpected = [{ path: "/api/me", status: 401 }];
    const clinicianWatch = watchPage(clinician, server.url, clinicianExpected);
    await joinByInvite(clinician, inviteUrl, { ...CLINICIAN, displayName: "Sam Rivera" });

    // The member reads Spanish and shares rewards (and their name) with the clinician.
    const memberContext = await browser.newContext({
      ...PHONE,
      locale: "es-ES",
      timezoneId: timeZone,
    });
    contexts.push(memberContext);
    const signUp = await memberContext.request.post(`${server.url}/api/auth/sign-up`, {
      data: {
        email: `alex-${Date.now()}@example.com`,
        password: "steady steps by the river",
        displayName: "Alex",
        timeZone,
        locale: "es",
      },
    });
    expect(signUp.status()).toBe(201);
    const memberId = ((await signUp.json()) as { id: string }).id;
    // Rewards only: the summary (which shows none of it) is refused, the rewards screen is not.
    clinicianExpected.push({ path: `/api/members/${memberId}/summary`, status: 403 });
    const shared = await memberContext.request.post(`${server.url}/api/consents`, {
      data: {
        recipientEmail: CLINICIAN.email,
        purpose: "Contingency management at the clinic",
        categories: ["profile", "rewards"],
        expiresAt: null,
        expiryEvent: "When I finish treatment",
        signature: { typedName: "Alex Morgan" },
        revocationAcknowledged: true,
      },
    });
    expect(shared.status()).toBe(201);

    // The clinician opens the member from the caseload, adds a target and verifies it.
    await clinician.goto(`${server.url}/caseload`);
    await clinician.getByRole("link", { name: /Alex/ }).click();
    await clinician
      .getByText("This person shares their rewards with you, and nothing the summary shows.")
      .waitFor();
    await clinician.getByRole("link", { name: "Rewards: targets and points" }).click();
    await clinician.getByRole("heading", { level: 1, name: "Rewards" }).waitFor();
    await clinician
      .getByText("No targets yet. Add one below, for something staff can verify.")
      .waitFor();
    await clinician.getByLabel("What staff will verify").selectOption({ label: "Visit attended" });
    await clinician.getByLabel("How many times a week").selectOption("2");
    await clinician.getByRole("button", { name: "Add target" }).click();
    await clinician.getByText("Target added.").waitFor();
    await clinician.getByRole("heading", { level: 3, name: "Visit attended" }).waitFor();
    const today = localDayOf(new Date(), timeZone);
    const met = clinician.getByRole("button", { name: "Visit attended: met" });
    await clinician.getByLabel("Day", { exact: true }).fill(addLocalDays(today, -2));
    await met.click();
    await clinician.getByText("Recorded as met: 10 points added.").waitFor();
    await clinician.getByLabel("Day", { exact: true }).fill(addLocalDays(today, -1));
    await met.click();
    await clinician.getByText("Recorded as met: 15 points added.").waitFor();
    await clinician.getByLabel("Day", { exact: true }).fill(today);
    await met.click();
    // The third in a row would earn 60 with its bonus; the cap of 25 is already reached.
    await clinician
      .getByText("Recorded as met. The yearly limit is reached, so no points were added.")
      .waitFor();
    await clinician.getByText("3 in a row · Next one: 25 points").waitFor();
    expect(await axeViolations(clinician)).toEqual([]);

    // The member sees the points on Today, then the ledger, and redeems the bus pass.
    const member = await memberContext.newPage();
    member.setDefaultTimeout(20_000);
    const memberWatch = watchPage(member, server.url);
    await member.goto(server.url);
    const card = member.getByRole("region", { name: "Recompensas" });
    await card.getByText("25 puntos para canjear").waitFor();
    await card.getByRole("link", { name: "Ver tus recompensas" }).click();
    await member.getByRole("heading", { level: 1, name: "Recompensas" }).waitFor();
    await member
      .getByRole("heading", { level: 2, name: "25 puntos para canjear", exact: true })
      .waitFor();
    await member.getByText(/Ya ganaste los 25 puntos que tu clínica puede dar este año/).waitFor();
    const ledger = member.getByRole("region", { name: "Historial de tus puntos" });
    await ledger
      .getByText(/Se alcanzó el límite de este año, así que esta vez no hay puntos/)
      .waitFor();
    expect(await ledger.getByText("+15 puntos").count()).toBe(1);
    expect(await axeViolations(member)).toEqual([]);

    const redeem = member.getByRole("button", { name: "Canjear Bus pass por 20 puntos" });
    await redeem.click();
    await member.getByText(/^Canjeaste Bus pass\./).waitFor();
    await member
      .getByRole("heading", { level: 2, name: "5 puntos para canjear", exact: true })
      .waitFor();
    // A tap by mistake is undone by a line that gives the points back.
    await member.getByRole("button", { name: "Deshacer el canje de Bus pass" }).click();
    await member.getByText("Deshecho: tus 20 puntos están de vuelta.").waitFor();
    await member
      .getByRole("heading", { level: 2, name: "25 puntos para canjear", exact: true })
      .waitFor();
    await ledger.getByText("Deshecho: Bus pass").waitFor();
    await redeem.click();
    await member
      .getByRole("heading", { level: 2, name: "5 puntos para canjear", exact: true })
      .waitFor();
    expect(await redeem.isDisabled()).toBe(true);
    await member.getByText("Te faltan 15 puntos").waitFor();
    expect(await axeViolations(member)).toEqual([]);

    // At 360 px nothing scrolls sideways.
    const overflow = await member.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    // The clinician sees the redemption in the member's ledger, to hand the pass over.
    await clinician.reload();
    await clinician.getByText("Redeemed: Bus pass").first().waitFor();

    for (const watch of [adminWatch, clinicianWatch, memberWatch]) {
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
    }
  }, 300_000);
});
