import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addLocalDays, localDayOf } from "../../src/domain/local-day";
import { axeViolations, launchBrowser, watchPage } from "../support/browser";
import { type RunningServer, startServer } from "../support/server-process";
import { CLINICIAN, createAdmin, enrolThroughApi, inviteLink, PHONE } from "../support/staff";

const phone = PHONE;
const timeZone = "America/Chicago";
const SUPPORTER = { email: "jo.morgan@example.org", password: "a sister who answers the phone" };
const MEMBER = { email: "alex.morgan@example.com", password: "steady steps by the river" };
const STEP = "Go to one meeting this week";

/**
 * The care team around one member: a clinician sees the trend, suggests a plan step and the
 * member adds it to their plan; a supporter sees only the narrow view, including the member's
 * ask for support from the craving tool (and its undo); the member downloads their own summary. (Sharing itself, revoking and the access log: care.e2e.ts.)
 */
describe("working with a care team", () => {
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

  async function newContext(): Promise<BrowserContext> {
    const context = await browser.newContext({
      ...phone,
      timezoneId: timeZone,
      acceptDownloads: true,
    });
    contexts.push(context);
    return context;
  }

  /** An account from an admin's invite, signed in on its own browser context. */
  async function invited(
    admin: BrowserContext,
    role: "clinician" | "supporter",
    account: { email: string; password: string },
    displayName: string,
  ): Promise<{ context: BrowserContext; page: Page }> {
    const url = await inviteLink(admin, server, role);
    const context = await newContext();
    const accepted = await context.request.post(`${server.url}/api/invites/accept`, {
      data: { token: url.split("/").pop(), ...account, displayName },
    });
    expect(accepted.status()).toBe(201);
    await enrolThroughApi(context, server);
    return { context, page: await context.newPage() };
  }

  it("a clinician suggests a step, a supporter sees the narrow view, the member downloads", async () => {
    const admin = await newContext();
    const clinician = await invited(admin, "clinician", CLINICIAN, "Sam Rivera");
    const supporter = await invited(admin, "supporter", SUPPORTER, "Jo Morgan");

    // The member: an account, a goal in the plan, and check-ins on the last three days.
    const memberContext = await newContext();
    const signUp = await memberContext.request.post(`${server.url}/api/auth/sign-up`, {
      data: { ...MEMBER, displayName: "Alex", timeZone },
    });
    expect(signUp.status()).toBe(201);
    const me = (await (await memberContext.request.get(`${server.url}/api/me`)).json()) as {
      id: string;
    };
    const goal = await memberContext.request.post(`${server.url}/api/members/${me.id}/plan/goals`, {
      data: { domain: "support_groups", title: "Build my support" },
    });
    expect(goal.status()).toBe(201);
    const today = localDayOf(new Date(), timeZone);
    for (const [offset, mood, craving] of [
      [-2, 4, 8],
      [-1, 5, 6],
      [0, 7, 3],
    ] as const) {
      const checkin = await memberContext.request.put(
        `${server.url}/api/members/${me.id}/checkins/${addLocalDays(today, offset)}`,
        { data: { mood, craving, used: false } },
      );
      expect(checkin.status()).toBe(201);
    }

    // Before anyone shares with the supporter, the screen says what happens next.
    const supporterWatch = watchPage(supporter.page, server.url);
    await supporter.page.goto(`${server.url}/`);
    const supporterNav = supporter.page.getByRole("navigation", { name: "Main" });
    await supporterNav.getByRole("link", { name: "Supporting" }).click();
    await supporter.page.getByRole("heading", { level: 1, name: "People you support" }).waitFor();
    await supporter.page
      .getByText("Nobody is sharing with you yet. When someone shares with you, they appear here.")
      .waitFor();
    expect(await supporterNav.getByRole("link", { name: "Caseload" }).count()).toBe(0);

    // The member shares check-ins, plan and withdrawal with the clinician, and check-ins and
    // lapses with the supporter (the sharing form itself is covered by care.e2e.ts).
    const until = new Date(Date.now() + 90 * 86_400_000).toISOString();
    for (const [email, purpose, categories] of [
      [
        CLINICIAN.email,
        "So my counselor can help between visits",
        ["checkins", "plan", "withdrawal"],
      ],
      [SUPPORTER.email, "So my sister knows I'm okay", ["checkins", "use"]],
    ] as const) {
      const consent = await memberContext.request.post(`${server.url}/api/consents`, {
        data: {
          recipientEmail: email,
          purpose,
          categories,
          expiresAt: until,
          signature: { typedName: "Alex Morgan" },
          revocationAcknowledged: true,
        },
      });
      expect(consent.status()).toBe(201);
    }

    // The clinician sees the trend in words, the COWS link, and suggests a step.
    const page = clinician.page;
    const clinicianWatch = watchPage(page, server.url);
    await page.goto(`${server.url}/caseload/${me.id}`);
    await page.getByRole("heading", { level: 1, name: "Alex" }).waitFor();
    const checkins = page.getByRole("region", { name: "Check-ins" });
    await checkins
      .getByText(
        "3 check-ins in this period. Average mood 5.3 and average craving 5.7, on a scale of 0 to 10.",
        { exact: false },
      )
      .waitFor();
    await checkins.locator(".chart canvas").first().waitFor();
    await checkins.getByText("Day by day").click();
    await checkins.getByText("Mood 7 · Craving 3").waitFor();
    // Withdrawal is shared (no ratings yet), other questionnaires are not: the section shows
    // withdrawal ratings only, and the medication section says it is not shared.
    await page
      .getByRole("region", { name: "Questionnaires" })
      .getByText("No questionnaires in this period.")
      .waitFor();
    await page
      .getByRole("region", { name: "Medication" })
      .getByText("Not shared with you")
      .waitFor();
    const cows = page.getByRole("link", { name: "Record a withdrawal rating (COWS)" });
    expect(await cows.getAttribute("href")).toBe(`/caseload/${me.id}/cows`);

    const suggest = page.getByRole("region", { name: "Suggest a plan step" });
    await suggest.getByLabel("Step", { exact: true }).fill(STEP);
    await suggest.getByRole("button", { name: "Send suggestion" }).click();
    await suggest.getByText("Choose the goal this step belongs to.").waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("SELECT");
    await suggest.getByLabel("Goal").selectOption({ label: "Build my support" });
    await suggest.getByLabel(/^Note/).fill("The Tuesday group at the library is small and kind.");
    await suggest.getByRole("button", { name: "Send suggestion" }).click();
    await suggest
      .getByRole("status")
      .getByText(`Suggestion "${STEP}" sent. Alex will see it and decide.`)
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The member adds it to their plan, and finds it there.
    const member = await memberContext.newPage();
    const memberWatch = watchPage(member, server.url);
    await member.goto(`${server.url}/care-team`);
    await member.getByRole("heading", { level: 1, name: "From your care team" }).waitFor();
    const card = member.getByRole("listitem").filter({ hasText: STEP });
    await card.getByText("The Tuesday group at the library is small and kind.").waitFor();
    await card.getByText("Suggested by Sam Rivera").waitFor();
    await card.getByRole("button", { name: "Add to my plan" }).click();
    await member.getByText("Added to your plan.").waitFor();
    await member.getByText("No suggestions waiting for you.").waitFor();
    await member
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Plan" })
      .click();
    await member.getByRole("heading", { level: 1, name: "Your plan", exact: true }).waitFor();
    await member.getByRole("checkbox", { name: STEP }).waitFor();

    // The supporter sees yes/no signals, never numbers or notes.
    await supporter.page.reload();
    const person = supporter.page.getByRole("article", { name: "Alex" });
    await person.getByText("Checked in today").waitFor();
    await person.getByText("No lapse recorded in the last 7 days").waitFor();

    // The member records a lapse; the supporter learns that much, and nothing of the note.
    const use = await memberContext.request.post(`${server.url}/api/members/${me.id}/uses`, {
      data: { at: new Date(Date.now() - 3_600_000).toISOString(), note: "After the funeral" },
    });
    expect(use.status()).toBe(201);
    await supporter.page.reload();
    await person
      .getByText("A lapse was recorded in the last 7 days. A call or a kind message can help.")
      .waitFor();

    // In a craving, the member lets their people know from the "Call someone" tool: it names
    // who will see it (everyone Alex shares check-ins with) and that nothing else goes along.
    await member.goto(`${server.url}/coping/call-someone`);
    const ask = member.getByRole("region", { name: "Let someone know" });
    const audience = ask.getByText(/^Who will see it: .*Jo Morgan/);
    await audience.waitFor();
    expect(await audience.textContent()).toContain("Sam Rivera");
    await ask.getByRole("button", { name: "Let my supporters know I could use support" }).click();
    await ask
      .getByRole("status")
      .getByText(/^Done\. Your ask is now visible to .*Jo Morgan.*Nothing else is shared/)
      .waitFor();
    // The pressed button is gone; focus is on the one that takes the ask back.
    const focused = () => member.evaluate(() => document.activeElement?.textContent ?? "");
    expect(await focused()).toBe("Take back my ask");
    expect(await axeViolations(member)).toEqual([]);
    await supporter.page.reload();
    const asked = person.getByText(
      /^Alex asked for support .+\. A call or a message can help — reach out the way you usually do\.$/,
    );
    await asked.waitFor();
    await supporter.page.getByRole("complementary", { name: "Confidentiality notice" }).waitFor();
    const shown = ((await supporter.page.locator("main").textContent()) ?? "").toLowerCase();
    expect(shown).not.toContain("mood");
    expect(shown).not.toContain("craving");
    expect(shown).not.toContain(STEP.toLowerCase());
    expect(shown).not.toContain("funeral");
    expect(await axeViolations(supporter.page)).toEqual([]);

    // Later, back on the tool, the member finds the ask still showing and takes it back; the
    // supporter no longer sees it.
    await member.reload();
    await ask
      .getByRole("status")
      .getByText(/^You already asked .+, and it is visible to/)
      .waitFor();
    await ask.getByRole("button", { name: "Take back my ask" }).click();
    await ask.getByRole("status").getByText("Taken back. It no longer shows to anyone.").waitFor();
    expect(await focused()).toBe("Let my supporters know I could use support");
    await supporter.page.reload();
    await person.getByText("Checked in today").waitFor();
    expect(await asked.count()).toBe(0);

    // The member downloads their own summary and record.
    await member.goto(`${server.url}/settings/sharing`);
    const records = member.getByRole("region", { name: "Your own records" });
    await records.getByText("One page about your last four weeks", { exact: false }).waitFor();
    const fhir = records.getByRole("link", {
      name: "Download my record (FHIR, for another clinic)",
    });
    expect(await fhir.getAttribute("href")).toBe(`/api/members/${me.id}/fhir`);
    expect(await fhir.getAttribute("download")).not.toBeNull();
    const [download] = await Promise.all([
      member.waitForEvent("download"),
      records.getByRole("link", { name: "Download my summary (PDF)" }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(await axeViolations(member)).toEqual([]);

    for (const watch of [memberWatch, clinicianWatch, supporterWatch]) {
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
    }
  });
});
