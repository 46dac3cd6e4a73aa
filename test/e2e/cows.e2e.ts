import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, watchPage } from "../support/browser";
import { type RunningServer, startServer } from "../support/server-process";
import { CLINICIAN, createAdmin, inviteLink, joinByInvite, PHONE } from "../support/staff";

const phone = PHONE;
const DAY = 86_400_000;

/**
 * A clinician rates a member's withdrawal: the member shares "withdrawal" (and their profile,
 * so the clinician sees their name), the clinician opens /caseload/<id>/cows, rates all eleven
 * signs and sees the score and band; the member then sees the rating with the clinician's name.
 */
describe("a clinician rates COWS for a member", () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    createAdmin(server);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it("records the rating under the member's grant and names the rater to the member", async () => {
    const timeZone = "America/Chicago";

    // The admin invites a clinician, who joins through the link.
    const adminContext = await browser.newContext(phone);
    contexts.push(adminContext);
    const inviteUrl = await inviteLink(adminContext, server, "clinician");

    const clinicianContext = await browser.newContext({ ...phone, timezoneId: timeZone });
    contexts.push(clinicianContext);
    const clinician = await clinicianContext.newPage();
    // Expected refusals: before sign-in, and the two reads/writes before the member shares.
    const clinicianExpected = [{ path: "/api/me", status: 401 }];
    const clinicianWatch = watchPage(clinician, server.url, clinicianExpected);
    await joinByInvite(clinician, inviteUrl, { ...CLINICIAN, displayName: "Sam Rivera" });

    // The member signs up.
    const memberContext = await browser.newContext({ ...phone, timezoneId: timeZone });
    contexts.push(memberContext);
    const member = await memberContext.newPage();
    const memberWatch = watchPage(member, server.url, [{ path: "/api/me", status: 401 }]);
    await member.goto(`${server.url}/sign-up`);
    await member.getByLabel("Email").fill(`alex-cows-${Date.now()}@example.com`);
    await member.getByLabel("Password", { exact: true }).fill("steady steps by the river");
    await member.getByLabel("What should we call you? (optional)").fill("Alex");
    await member.getByRole("button", { name: "Create account" }).click();
    await member.getByRole("heading", { level: 1, name: "Hello, Alex" }).waitFor();
    const me = (await (await memberContext.request.get(`${server.url}/api/me`)).json()) as {
      id: string;
    };
    const openRating = async (whose: string) => {
      await clinician.goto(`${server.url}/caseload/${me.id}/cows`);
      await clinician
        .getByRole("heading", { level: 1, name: "Clinical Opiate Withdrawal Scale (COWS)" })
        .waitFor();
      await clinician.getByText(whose, { exact: true }).waitFor();
      if ((await clinician.getByText("Question 1 of 11").count()) > 0) {
        await clinician.getByRole("button", { name: "All on one page" }).click();
      }
      const signs = clinician.getByRole("group").filter({ has: clinician.getByRole("radio") });
      expect(await signs.count()).toBe(11);
      // The second choice of each sign: 1 point on signs 1–10, 3 for gooseflesh: 13, moderate.
      for (let index = 0; index < 11; index += 1) {
        await signs.nth(index).getByRole("radio").nth(1).check();
      }
      await clinician.getByText("Answered 11 of 11").waitFor();
    };

    // Before the member shares anything: no name, and saving is refused with nothing kept.
    clinicianExpected.push(
      { path: `/api/members/${me.id}/profile`, status: 403 },
      { path: `/api/members/${me.id}/assessments`, status: 403 },
    );
    await openRating("Rating for this person");
    await clinician.getByRole("button", { name: "Save rating" }).click();
    await clinician
      .getByText(/Nothing was saved. You can rate only while this person shares/)
      .waitFor();

    // The member shares their profile (their name) and withdrawal ratings with the clinician.
    const consent = await memberContext.request.post(`${server.url}/api/consents`, {
      data: {
        recipientEmail: CLINICIAN.email,
        purpose: "Withdrawal care at the clinic",
        categories: ["profile", "withdrawal"],
        expiresAt: new Date(Date.now() + 30 * DAY).toISOString(),
        signature: { typedName: "Alex Morgan" },
        revocationAcknowledged: true,
      },
    });
    expect(consent.status(), await consent.text()).toBe(201);

    // Now the clinician sees the member's name and rates all eleven signs on one page.
    await openRating("Rating for Alex");
    expect(await axeViolations(clinician)).toEqual([]);
    await clinician.getByRole("button", { name: "Save rating" }).click();
    const saved = clinician.getByRole("region", { name: "Rating saved" });
    await saved.getByText("13", { exact: true }).waitFor();
    await saved.getByText("on a scale from 0 to 48").waitFor();
    await saved.getByText("Range: Moderate").waitFor();
    await saved.getByText("Rating for Alex").waitFor();
    expect(await axeViolations(clinician)).toEqual([]);

    // The member sees the rating on their COWS screen, marked as the clinician's.
    await member.goto(`${server.url}/assessments/cows`);
    await member
      .getByRole("heading", { level: 1, name: "Clinical Opiate Withdrawal Scale (COWS)" })
      .waitFor();
    const raters = member.getByRole("region", { name: "Who rated each time" });
    await raters.getByText("Rated by Sam Rivera").waitFor();
    await raters.getByText(/Score 13 · Moderate/).waitFor();
    // The refused attempt left nothing behind.
    expect(await raters.getByRole("listitem").count()).toBe(1);
    expect(await axeViolations(member)).toEqual([]);

    expect(memberWatch.consoleErrors).toEqual([]);
    expect(memberWatch.foreignRequests).toEqual([]);
    expect(clinicianWatch.consoleErrors).toEqual([]);
    expect(clinicianWatch.foreignRequests).toEqual([]);
  });
});
