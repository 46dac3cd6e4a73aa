import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addLocalDays, localDayOf } from "../../src/domain/local-day";
import { axeViolations, launchBrowser, watchPage } from "../support/browser";
import { type RunningServer, startServer } from "../support/server-process";

/**
 * A person's every day on a small phone: checks in (today, and a missed day through the edit
 * route), logs a craving and rides it out with the urge-surfing timer, records a lapse and
 * sees safety first and the way back, then finds every day before the lapse still counted.
 */
describe("check-in, craving, lapse and progress", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("works at 360 px wide, and a lapse never erases the days before it", async () => {
    const timeZone = "America/Chicago";
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      timezoneId: timeZone,
      locale: "en-US",
    });
    const page = await context.newPage();
    const watch = watchPage(page, server.url, [{ path: "/api/me", status: 401 }]);
    const expectNoAxeViolations = async () => expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${server.url}/sign-up`);
    await page.getByLabel("Email").fill(`every-day-${Date.now()}@example.com`);
    await page.getByLabel("Password", { exact: true }).fill("steady steps by the river");
    await page.getByLabel("What should we call you? (optional)").fill("Alex");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { level: 1, name: "Hello, Alex" }).waitFor();

    const today = localDayOf(new Date(), timeZone);
    const yesterday = addLocalDays(today, -1);
    const me = (await (await context.request.get(`${server.url}/api/me`)).json()) as { id: string };
    expect((await (await context.request.get(`${server.url}/api/me`)).json()).timeZone).toBe(
      timeZone,
    );

    // Two earlier days through the API with the page's own session (as another device would).
    for (const day of [addLocalDays(today, -3), addLocalDays(today, -2)]) {
      const response = await context.request.put(
        `${server.url}/api/members/${me.id}/checkins/${day}`,
        { data: { mood: 5, craving: 4, used: false } },
      );
      expect(response.status()).toBe(201);
    }

    // Today's check-in, offered first on Today.
    const card = page.getByRole("region", { name: "Today's check-in" });
    await card.getByText("Not done yet").waitFor();
    await card.getByRole("link", { name: "Check in now" }).click();
    await page.getByRole("heading", { level: 1, name: "Today's check-in" }).waitFor();
    await expectNoAxeViolations();
    await page.getByRole("group", { name: "Mood" }).getByRole("radio", { name: "7" }).check();
    await page.getByRole("group", { name: "Craving" }).getByRole("radio", { name: "2" }).check();
    await page
      .getByRole("group", { name: "Did you use today?" })
      .getByRole("radio", { name: "No" })
      .check();
    await page.getByRole("button", { name: "Save check-in" }).click();
    await page.getByRole("heading", { name: "Check-in saved" }).waitFor();
    await page.getByText("Mood 7 · Craving 2").waitFor();

    // Yesterday, missed, filled in through the edit route.
    await page.goto(`${server.url}/checkin/${yesterday}`);
    await page.getByRole("heading", { level: 1, name: /^Check-in for / }).waitFor();
    await page.getByRole("group", { name: "Mood" }).getByRole("radio", { name: "6" }).check();
    await page.getByRole("group", { name: "Craving" }).getByRole("radio", { name: "3" }).check();
    await page
      .getByRole("group", { name: "Did you use that day?" })
      .getByRole("radio", { name: "No" })
      .check();
    await page.getByText("Add more (optional)").click();
    await page.getByLabel("Hours slept").fill("7.5");
    await page.getByRole("checkbox", { name: "Tired" }).check();
    await page.getByRole("button", { name: "Save check-in" }).click();
    await page.getByRole("heading", { name: "Check-in saved" }).waitFor();

    // Progress before any lapse: four days, all without use.
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Progress" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Your progress" }).waitFor();
    await expect.poll(() => tileText(page, "days since you started")).toMatch(/^4 /);
    expect(await tileText(page, "days without use")).toMatch(/^4 /);
    expect(await tileText(page, "Current streak")).toMatch(/^4 /);
    expect(await tileText(page, "Longest streak")).toMatch(/^4 /);
    await page.getByText(/^Last 30 days: mood averaged/).waitFor();
    await expectNoAxeViolations();

    // A craving: write it down, then ride it out with the urge-surfing timer.
    await page.getByRole("link", { name: "Waymark, go to Today" }).click();
    await page.getByRole("link", { name: /I'm having a craving/ }).click();
    await page.getByRole("heading", { level: 1, name: "Riding out a craving" }).waitFor();
    await page
      .getByRole("list", { name: "Tools for right now" })
      .getByRole("link", { name: /Urge surfing/ })
      .waitFor();
    await expectNoAxeViolations();
    await page
      .getByRole("group", { name: "How strong is it?" })
      .getByRole("radio", { name: "6" })
      .check();
    await page
      .getByRole("group", { name: /What set it off/ })
      .getByRole("radio", { name: "A feeling" })
      .check();
    await page.getByText("More details (optional)").click();
    await page.getByLabel("Where are you? (optional)").fill("Bus stop");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByRole("heading", { name: "Saved" }).waitFor();
    await page.getByRole("link", { name: /Urge surfing/ }).click();
    await page.getByRole("heading", { level: 1, name: "Urge surfing" }).waitFor();
    expect(new URL(page.url()).searchParams.get("craving")).toBeTruthy();
    await page.getByRole("radio", { name: "10 minutes" }).check();
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByRole("status").filter({ hasText: "About 10 minutes left" }).waitFor();
    await page.getByRole("button", { name: "Pause" }).click();
    await page.getByRole("button", { name: "Resume" }).click();
    await page.getByRole("button", { name: "I'm done" }).click();
    await page.getByRole("heading", { name: "Did the craving pass?" }).waitFor();
    await page.getByRole("button", { name: "Yes, it passed" }).click();
    await page.getByRole("heading", { name: "You rode it out" }).waitFor();
    await page.getByRole("link", { name: "What works for me" }).click();
    await page.getByText("Urge surfing was followed by the craving passing 1 of 1 time.").waitFor();

    // A use recorded by mistake is undone, and counts for nothing.
    await page.goto(`${server.url}/lapse`);
    await page.getByRole("heading", { level: 1, name: "Let's take care of you" }).waitFor();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("heading", { name: "Safety first" }).waitFor();
    await page.getByRole("button", { name: "Undo, I recorded this by mistake" }).click();
    await page.getByRole("heading", { name: "Removed" }).waitFor();

    // Today's check-in changed to "used": the lapse flow, gently.
    await page.goto(`${server.url}/checkin`);
    await page.getByText("You've already checked in for this day.").waitFor();
    await page
      .getByRole("group", { name: "Did you use today?" })
      .getByRole("radio", { name: "Yes" })
      .check();
    await page.getByRole("button", { name: "Save check-in" }).click();
    await page.getByRole("heading", { level: 1, name: "Let's take care of you" }).waitFor();
    await page.getByText("Thank you for being honest in your check-in.").waitFor();
    // Who can see a lapse, as the access policy has it: not "only you" when use is shared.
    await page
      .getByText(/^Only you see this, unless you share “Use and lapses you recorded”/)
      .waitFor();
    expect(await page.getByRole("link", { name: "See what you share" }).getAttribute("href")).toBe(
      "/settings/sharing",
    );
    await expectNoAxeViolations();
    await page.getByLabel("Where? (optional)").fill("At a friend's place");
    await page.getByRole("button", { name: "Continue" }).click();

    await page.getByRole("heading", { name: "Safety first" }).waitFor();
    await page.getByText("You had 3 days without use before this").waitFor();
    const neverUseAlone = page.getByRole("link", { name: "Call Never Use Alone 800-484-3731" });
    expect(await neverUseAlone.getAttribute("href")).toBe("tel:18004843731");
    expect(await page.getByRole("link", { name: "Call 911" }).getAttribute("href")).toBe("tel:911");
    await page.getByRole("heading", { name: "Carry naloxone" }).waitFor();
    await page.getByRole("heading", { name: "Mixing raises the risk" }).waitFor();
    await page.getByText(/^Alcohol, benzodiazepines .* and xylazine/).waitFor();
    await expectNoAxeViolations();

    await page.getByRole("button", { name: "Continue: your way back" }).click();
    await page.getByRole("heading", { name: "Your way back" }).waitFor();
    await page.getByRole("heading", { name: "A lapse is not a failure" }).waitFor();
    await page.getByText("Your 3 days without use still count.").waitFor();
    await page.getByRole("heading", { name: "One next step" }).waitFor();
    await page.getByRole("link", { name: "Open your plan" }).waitFor();
    await expectNoAxeViolations();

    // Progress after the lapse: the three days before it are all still there.
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Progress" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Your progress" }).waitFor();
    await expect.poll(() => tileText(page, "days since you started")).toMatch(/^4 /);
    expect(await tileText(page, "days without use")).toMatch(/^3 /);
    expect(await tileText(page, "Current streak")).toMatch(/^0 /);
    expect(await tileText(page, "Longest streak")).toMatch(/^3 /);
    await page.getByRole("heading", { name: "Your returns" }).waitFor();
    await page.getByText("Your way back can start today").waitFor();
    const todayCell = page
      .getByRole("table")
      .getByRole("link", { name: /Day with use, Checked in$/ });
    expect(await todayCell.getAttribute("href")).toBe(`/checkin/${today}`);
    await page.getByRole("button", { name: "Show as a table" }).click();
    const rows = page
      .getByRole("table")
      .filter({ has: page.getByRole("columnheader", { name: "Mood" }) })
      .getByRole("row");
    await expect.poll(() => rows.count()).toBe(5); // a header and four check-ins
    await expectNoAxeViolations();

    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });
});

/** The text of the big-number tile whose label is `label` ("4 days without use"). */
async function tileText(page: Page, label: string): Promise<string> {
  const tile = page.getByRole("listitem").filter({ has: page.getByText(label, { exact: true }) });
  return ((await tile.first().textContent()) ?? "").trim();
}
