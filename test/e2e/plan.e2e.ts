import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, watchPage } from "../support/browser";
import { type RunningServer, startServer } from "../support/server-process";

/**
 * A new person on a small phone makes their recovery plan: answers the intake (court dates,
 * no steady home, methadone), finds a starter plan that fits, marks a step done and undoes it
 * once, adds a reason, rates their readiness, and finds it all again after a reload.
 */
describe("intake, starter plan, reasons and readiness", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const COURT_STEP = "Write down every court date, the time and where I need to be";
  const HOUSING_STEP = "Know where I can sleep safely this week";
  const CLINIC_STEP = "Write down my clinic's address, hours and phone number";

  it("works at 360 px wide and survives a reload", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const watch = watchPage(page, server.url, [{ path: "/api/me", status: 401 }]);

    await signUp(page, server.url);

    // Today invites a person with no plan yet to the intake.
    await page.getByRole("heading", { level: 2, name: "Make your recovery plan" }).waitFor();
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Plan" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Your plan", exact: true }).waitFor();
    await page.getByRole("heading", { name: "Let's make your plan together" }).waitFor();
    await page.getByRole("link", { name: "Start with a few questions" }).click();

    // The intake: one question per screen, each skippable, answers kept when going back.
    await page.getByRole("heading", { level: 1, name: "Let's make your plan" }).waitFor();
    await page.getByText("Question 1 of 10").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("radio", { name: "Getting ready to change" }).check();
    await next(page, 2);
    await page.getByRole("checkbox", { name: "Methadone" }).check();
    await next(page, 3);
    await page.getByRole("checkbox", { name: "Support groups" }).check();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Back" }).click();
    await page.getByText("Question 2 of 10").waitFor();
    expect(await page.getByRole("checkbox", { name: "Methadone" }).isChecked()).toBe(true);
    await next(page, 3);
    expect(await page.getByRole("checkbox", { name: "Support groups" }).isChecked()).toBe(true);
    await next(page, 4);
    await page.getByRole("textbox", { name: "What matters most to you?" }).fill("My daughter");
    await next(page, 5);
    await page.getByLabel("Name").fill("Ana");
    await page.getByLabel("Who they are to you (optional)").fill("sister");
    await next(page, 6);
    await page.getByRole("button", { name: "Skip this question" }).click();
    await page.getByText("Question 7 of 10").waitFor();
    await page
      .getByRole("textbox", { name: "Roughly how much did using cost you a day?" })
      .fill("20");
    await next(page, 8);
    await page.getByRole("radio", { name: "Yes" }).check();
    await next(page, 9);
    await page.getByRole("radio", { name: "No" }).check();
    await next(page, 10);
    await page.getByRole("button", { name: "Skip and make my plan" }).click();

    // A starter plan that matches the answers.
    await page.getByRole("heading", { level: 1, name: "Your plan", exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/plan");
    for (const area of ["Medication and treatment", "Support groups", "Legal matters", "Housing"]) {
      await page.getByRole("heading", { level: 2, name: area }).waitFor();
    }
    const courtStep = page.getByRole("checkbox", { name: COURT_STEP });
    await courtStep.waitFor();
    await page.getByRole("checkbox", { name: HOUSING_STEP }).waitFor();
    await page.getByRole("checkbox", { name: CLINIC_STEP }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // One tap marks a step done; Undo puts it back; a second tap sticks.
    await courtStep.check();
    const toast = page.getByRole("status").filter({ hasText: "Step marked done" });
    await toast.waitFor();
    await toast.getByRole("button", { name: "Undo" }).click();
    await page.getByText("Undone. Everything is back as it was.").waitFor({ state: "attached" });
    await expect.poll(() => courtStep.isChecked()).toBe(false);
    await courtStep.check();
    await toast.waitFor();
    await page
      .getByText(/^1 of \d+ steps done$/)
      .first()
      .waitFor();

    // Reasons: the intake's "what matters most" is the first one; add another.
    await page.getByRole("link", { name: "Your reasons" }).click();
    await page.getByRole("heading", { level: 1, name: "Your reasons" }).waitFor();
    const reasons = page.getByRole("region", { name: "Why I'm making this change" });
    await reasons.getByRole("listitem").filter({ hasText: "My daughter" }).waitFor();
    await reasons.getByLabel("A reason that matters to you").fill("To feel like myself again");
    await reasons.getByRole("button", { name: "Add reason" }).click();
    await reasons.getByRole("listitem").filter({ hasText: "To feel like myself again" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Readiness ruler: importance, confidence, readiness; the stage in kind words.
    await page.getByRole("link", { name: "Back to your plan" }).click();
    await page.getByRole("link", { name: "How ready you feel" }).click();
    await page.getByRole("heading", { level: 1, name: "How ready do you feel?" }).waitFor();
    await page.getByLabel("How important is it to you to change your use?").fill("8");
    await page.getByLabel("How confident are you that you could change?").fill("6");
    await page.getByLabel("How ready are you to change?").fill("4");
    await page.getByRole("button", { name: "Save my answers" }).click();
    const stage = "You're thinking about change — that's a real first step";
    await page.getByRole("heading", { name: stage }).waitFor();
    await page.getByText(/rated importance 8, confidence 6 and readiness 4/).waitFor();
    await page.locator(".readiness-chart canvas").waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // After a reload everything is still there.
    await page.reload();
    await page.getByRole("heading", { name: stage }).waitFor();
    await page.getByText(/rated importance 8, confidence 6 and readiness 4/).waitFor();
    await page.goto(`${server.url}/plan/reasons`);
    await page.getByRole("listitem").filter({ hasText: "To feel like myself again" }).waitFor();
    await page.goto(`${server.url}/plan`);
    await page.getByRole("checkbox", { name: COURT_STEP }).waitFor();
    expect(await page.getByRole("checkbox", { name: COURT_STEP }).isChecked()).toBe(true);
    expect(await page.getByRole("checkbox", { name: HOUSING_STEP }).isChecked()).toBe(false);

    // The history says what happened in plain words.
    await page.getByRole("link", { name: "How your plan grew" }).click();
    await page.getByText(`You marked “${COURT_STEP}” done`).first().waitFor();

    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });
});

async function signUp(page: Page, origin: string) {
  await page.goto(`${origin}/sign-up`);
  await page.getByRole("heading", { level: 1, name: "Create your account" }).waitFor();
  await page.getByLabel("Email").fill(`plan-${Date.now()}@example.com`);
  await page.getByLabel("Password", { exact: true }).fill("quiet river morning lantern");
  await page.getByLabel("What should we call you? (optional)").fill("Robin");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("heading", { level: 1, name: "Hello, Robin" }).waitFor();
}

async function next(page: Page, expected: number) {
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByText(`Question ${expected} of 10`).waitFor();
}
