import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addLocalDays, localDayOf } from "../../src/domain/local-day";
import { axeViolations, launchBrowser, watchPage } from "../support/browser";
import { type RunningServer, startServer } from "../support/server-process";
import { CLINICIAN, createAdmin, inviteLink, joinByInvite, PHONE } from "../support/staff";

const phone = PHONE;

/**
 * A member shares check-ins only with a clinician, who sees the member's flag and check-ins but
 * not the plan; the member stops sharing, the clinician's next request is refused, and the
 * member sees the clinician's reads in the access log.
 */
describe("sharing with a care team", () => {
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

  it("shares check-ins only, and stopping takes effect on the next request", async () => {
    const timeZone = "America/Chicago";

    // The admin makes a clinician invite (through the API, with the admin's own session).
    const adminContext = await browser.newContext(phone);
    contexts.push(adminContext);
    const inviteUrl = await inviteLink(adminContext, server, "clinician");

    // The clinician joins through the link.
    const clinicianContext = await browser.newContext({ ...phone, timezoneId: timeZone });
    contexts.push(clinicianContext);
    const clinician = await clinicianContext.newPage();
    // Expected refusals: before sign-in, and the summary the member stops sharing (added below).
    const clinicianExpected = [{ path: "/api/me", status: 401 }];
    const clinicianWatch = watchPage(clinician, server.url, clinicianExpected);
    await joinByInvite(clinician, inviteUrl, { ...CLINICIAN, displayName: "Sam Rivera" });
    const clinicianNav = clinician.getByRole("navigation", { name: "Main" });
    await clinicianNav.getByRole("link", { name: "Caseload" }).waitFor();
    expect(await clinicianNav.getByRole("link", { name: "Plan" }).count()).toBe(0);
    expect(await clinicianNav.getByRole("link", { name: "Progress" }).count()).toBe(0);

    // The member signs up and has had strong cravings on 3 of the last 4 days.
    const memberContext = await browser.newContext({ ...phone, timezoneId: timeZone });
    contexts.push(memberContext);
    const member = await memberContext.newPage();
    const memberWatch = watchPage(member, server.url, [{ path: "/api/me", status: 401 }]);
    await member.goto(`${server.url}/sign-up`);
    await member.getByLabel("Email").fill(`alex-${Date.now()}@example.com`);
    await member.getByLabel("Password", { exact: true }).fill("steady steps by the river");
    await member.getByLabel("What should we call you? (optional)").fill("Alex");
    await member.getByRole("button", { name: "Create account" }).click();
    await member.getByRole("heading", { level: 1, name: "Hello, Alex" }).waitFor();
    const me = (await (await memberContext.request.get(`${server.url}/api/me`)).json()) as {
      id: string;
    };
    clinicianExpected.push({ path: `/api/members/${me.id}/summary`, status: 403 });
    const today = localDayOf(new Date(), timeZone);
    for (const day of [addLocalDays(today, -2), addLocalDays(today, -1), today]) {
      const response = await memberContext.request.put(
        `${server.url}/api/members/${me.id}/checkins/${day}`,
        { data: { mood: 4, craving: 8, used: false } },
      );
      expect(response.status()).toBe(201);
    }

    // The member shares check-ins, and only check-ins, with the clinician.
    await member
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Settings" })
      .click();
    await member.getByRole("link", { name: /Sharing and privacy/ }).click();
    await member.getByRole("heading", { level: 1, name: "Sharing and privacy" }).waitFor();
    await member.getByText("You aren't sharing with anyone right now.").waitFor();
    await member.getByLabel("Their email").fill(CLINICIAN.email);
    await member.getByLabel("Why you are sharing").fill("So my counselor can help between visits");
    await member.getByRole("checkbox", { name: /^Check-ins/ }).check();
    await member.getByLabel("End date").fill(addLocalDays(today, 90));
    await member.getByRole("checkbox", { name: /I may revoke this consent at any time/ }).check();
    await member.getByLabel("Type your full name to sign").fill("Alex Morgan");
    await member.getByRole("button", { name: "Share", exact: true }).click();
    await member.getByText(`You are now sharing with ${CLINICIAN.email}.`).waitFor();
    const consentCard = member.getByRole("article", { name: /Sam Rivera/ });
    await consentCard.getByText("Active").waitFor();
    await consentCard.getByText("Check-ins (mood, craving, whether you used)").waitFor();
    expect(await consentCard.getByRole("listitem").count()).toBe(1);
    expect(await axeViolations(member)).toEqual([]);

    // The clinician sees the member, the flag in words, the check-ins, and no plan.
    await clinician.reload();
    const caseloadCard = clinician.getByRole("region", { name: "Your caseload" });
    await caseloadCard.getByText("1 person needs attention today").waitFor();
    await caseloadCard.getByRole("link", { name: "Open caseload" }).click();
    await clinician.getByRole("heading", { level: 1, name: "Caseload" }).waitFor();
    const person = clinician.getByRole("link", { name: /Alex/ });
    await person.getByText("Craving 7 or more on 3 of the last 4 days").waitFor();
    await clinician.getByRole("complementary", { name: "Confidentiality notice" }).waitFor();
    expect(await axeViolations(clinician)).toEqual([]);
    await person.click();
    await clinician.getByRole("heading", { level: 1, name: "Alex" }).waitFor();
    await clinician.getByRole("complementary", { name: "Confidentiality notice" }).waitFor();
    await clinician
      .getByText(/prohibit you from making any further disclosure/)
      .first()
      .waitFor();
    const checkins = clinician.getByRole("region", { name: "Check-ins" });
    await checkins
      .getByText(/^3 check-ins in this period\. Average mood 4 and average craving 8/)
      .waitFor();
    await checkins.getByText("Day by day").click();
    expect(await checkins.getByText("Mood 4 · Craving 8").count()).toBe(3);
    await clinician
      .getByRole("region", { name: "Plan" })
      .getByText("Not shared with you")
      .waitFor();
    // Without the plan there is nothing to suggest a step to; without withdrawal, no COWS.
    expect(await clinician.getByRole("region", { name: "Suggest a plan step" }).count()).toBe(0);
    expect(await clinician.getByRole("link", { name: /withdrawal rating/ }).count()).toBe(0);
    expect(await axeViolations(clinician)).toEqual([]);
    // Visit notes were not shared, so there is no note form.
    await clinician
      .getByRole("region", { name: "Add a visit note" })
      .getByText("Not shared with you")
      .waitFor();
    expect(await clinician.getByLabel("Note (the person can read it)").count()).toBe(0);

    // Nothing from the care team yet; then the member stops sharing.
    await member.getByRole("link", { name: "Notes and suggestions from your care team" }).click();
    await member.getByRole("heading", { level: 1, name: "From your care team" }).waitFor();
    await member.getByText("No notes yet.").waitFor();
    expect(await axeViolations(member)).toEqual([]);
    await member.getByRole("link", { name: "Back to sharing" }).click();
    await consentCard.getByRole("button", { name: "Stop sharing" }).click();
    await consentCard.getByRole("button", { name: "Yes, stop sharing" }).click();
    await member.getByText("Sharing with Sam Rivera has stopped.").waitFor();
    await member
      .getByRole("article", { name: /Sam Rivera/ })
      .getByText("Stopped")
      .waitFor();

    // The clinician's very next request is refused.
    await clinician.reload();
    await clinician.getByText("Access ended. This person is no longer sharing with you.").waitFor();
    await clinician.getByRole("link", { name: "Back to caseload" }).click();
    await clinician.getByText("Nobody is sharing with you yet.", { exact: false }).waitFor();

    // The member sees the clinician's reads, in words.
    await member.getByRole("link", { name: "See who looked at your information" }).click();
    await member
      .getByRole("heading", { level: 1, name: "Who looked at your information" })
      .waitFor();
    await member
      .getByText(/Sam Rivera looked at your check-ins/)
      .first()
      .waitFor();
    expect(await axeViolations(member)).toEqual([]);

    expect(memberWatch.consoleErrors).toEqual([]);
    expect(memberWatch.foreignRequests).toEqual([]);
    expect(clinicianWatch.consoleErrors).toEqual([]);
    expect(clinicianWatch.foreignRequests).toEqual([]);
  });
});
