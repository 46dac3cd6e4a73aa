import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, watchPage } from "../support/browser";
import { type RunningServer, startServer } from "../support/server-process";

/**
 * Withdrawal on a small phone: a person starts the tracker 30 hours after last use, rates SOWS
 * three times across the episode (two earlier ratings sent from "another device" through the
 * API, one through the form) and sees them over the expected course. Then PHQ-9: item 9
 * answered above zero opens the crisis screen at once, and the answers are still there after.
 */
const HOUR = 3_600_000;
const shots = process.env.WAYMARK_SCREENSHOTS;

describe("assessments and the withdrawal tracker", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("tracks withdrawal against the expected course and puts safety first on PHQ-9", async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      timezoneId: "America/Chicago",
      locale: "en-US",
    });
    const page = await context.newPage();
    const watch = watchPage(page, server.url, [{ path: "/api/me", status: 401 }]);
    const expectNoAxeViolations = async () => expect(await axeViolations(page)).toEqual([]);
    const shot = async (name: string) => {
      if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
    };

    await page.goto(`${server.url}/sign-up`);
    await page.getByLabel("Email").fill(`withdrawal-${Date.now()}@example.com`);
    await page.getByLabel("Password", { exact: true }).fill("steady steps by the river");
    await page.getByLabel("What should we call you? (optional)").fill("Sam");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { level: 1, name: "Hello, Sam" }).waitFor();
    const me = (await (await context.request.get(`${server.url}/api/me`)).json()) as { id: string };

    // From Today's card to the tracker.
    const card = page.getByRole("region", { name: "Check-ins due" });
    await card.getByRole("link", { name: "Brief Addiction Monitor (BAM)" }).waitFor();
    await shot("today");
    await card.getByRole("link", { name: "All questionnaires" }).click();
    await page.getByRole("heading", { level: 1, name: "Check-ins and questionnaires" }).waitFor();
    await page
      .getByRole("list", { name: "Questionnaires" })
      .getByText("Not taken yet")
      .first()
      .waitFor();
    await page.getByRole("link", { name: /Withdrawal tracker/ }).click();
    await page.getByRole("heading", { level: 1, name: "Withdrawal tracker" }).waitFor();

    // Start an episode: last use 30 hours ago, heroin or fentanyl.
    const lastUse = new Date(Date.now() - 30 * HOUR);
    const lastUseInput = await page.evaluate((instant) => {
      const at = new Date(instant);
      return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    }, lastUse.toISOString());
    await page.getByLabel("When did you last use?").fill(lastUseInput);
    await page
      .getByRole("group", { name: "What did you use or take?" })
      .getByRole("radio", { name: "Heroin or fentanyl" })
      .check();
    await expectNoAxeViolations();
    await page.getByRole("button", { name: "Start tracking" }).click();
    await page.getByText(/^About 30 hours since last use/).waitFor();

    // Two earlier ratings through the API with the page's session (10 and 22 hours in).
    const answersOf = (value: number) =>
      Object.fromEntries(Array.from({ length: 16 }, (_, index) => [String(index + 1), value]));
    for (const [hoursAgo, value] of [
      [20, 1],
      [8, 2],
    ] as const) {
      const response = await context.request.post(
        `${server.url}/api/members/${me.id}/assessments`,
        {
          data: {
            instrument: "sows",
            answers: answersOf(value),
            at: new Date(Date.now() - hoursAgo * HOUR).toISOString(),
          },
        },
      );
      expect(response.status()).toBe(201);
    }

    // The third through the form, all on one page.
    await page.getByRole("link", { name: "Rate how I feel now" }).click();
    await page
      .getByRole("heading", { level: 1, name: "Subjective Opiate Withdrawal Scale (SOWS)" })
      .waitFor();
    await page.getByText("Question 1 of 16").waitFor();
    await page
      .getByRole("group", { name: "I feel anxious" })
      .getByRole("radio", { name: "A little" })
      .check();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByText("Question 2 of 16").waitFor();
    await expectNoAxeViolations();
    await page.getByRole("button", { name: "All on one page" }).click();
    const littles = page.getByRole("radio", { name: "A little" });
    expect(await littles.count()).toBe(16);
    for (let index = 0; index < 16; index += 1) await littles.nth(index).check();
    await shot("sows-form");
    await page.getByRole("button", { name: "See my result" }).click();
    const result = page.getByRole("region", { name: "Your result" });
    await result.getByText("16", { exact: true }).waitFor();
    await result.getByText("on a scale from 0 to 64").waitFor();
    // SOWS has no published bands: no label is invented.
    expect(await result.getByText(/^Range:/).count()).toBe(0);
    await expectNoAxeViolations();
    await shot("sows-result");

    // The chart: three ratings over the expected course.
    await page.getByRole("link", { name: "Open the withdrawal tracker" }).click();
    await page.getByRole("heading", { level: 1, name: "Withdrawal tracker" }).waitFor();
    const chart = page.getByRole("region", { name: "Your ratings and the usual course" });
    await chart
      .getByText(/^3 ratings so far\. Latest: 16 out of 64, 30 hours after last use\./)
      .waitFor();
    await chart
      .getByText(
        /Usual course: Symptoms usually begin: 8–24 hours after last use; Withdrawal at its hardest, then easing: 24–240 hours/,
      )
      .waitFor();
    await chart
      .getByRole("list", { name: "Shaded bands" })
      .getByText(/Withdrawal at its hardest, then easing \(24–240 hours/)
      .waitFor();
    expect(await chart.locator("canvas").count()).toBeGreaterThan(0);
    await page.getByRole("heading", { name: "Get medical help now if:" }).waitFor();
    await page.getByText(/has a seizure \(a fit\), becomes confused .* chest pain/).waitFor();
    await page.getByText(/tolerance falls fast.*benzodiazepines.*xylazine/).waitFor();
    await expectNoAxeViolations();
    await shot("withdrawal");
    await chart.getByRole("button", { name: "Show as a table" }).click();
    expect(await chart.getByRole("row").count()).toBe(4);
    await expectNoAxeViolations();

    // PHQ-9: item 9 above zero opens the crisis screen at once; nothing is lost.
    await page.goto(`${server.url}/assessments/phq-9`);
    await page
      .getByRole("heading", { level: 1, name: "Patient Health Questionnaire (PHQ-9)" })
      .waitFor();
    // Said before anything is answered: nobody watches the answers live, and where help is.
    await page.getByText(/^Nobody watches these answers as you give them/).waitFor();
    expect(
      await page.getByRole("link", { name: "Open the help screen" }).getAttribute("href"),
    ).toBe("/help");
    await expectNoAxeViolations();
    await page
      .getByRole("group", { name: "Little interest or pleasure in doing things" })
      .getByRole("radio", { name: "Several days" })
      .check();
    await page
      .getByRole("group", { name: /better off dead/ })
      .getByRole("radio", { name: "Several days" })
      .click(); // not check(): the screen is gone before the radio could be seen checked
    await page.getByRole("heading", { level: 1, name: "Help, right now" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/help");
    await page
      .getByRole("status")
      .filter({ hasText: "You don't have to carry this alone" })
      .waitFor();
    await shot("crisis");
    await page.goBack();
    await page.getByRole("group", { name: /better off dead/ }).waitFor();
    expect(
      await page
        .getByRole("group", { name: "Little interest or pleasure in doing things" })
        .getByRole("radio", { name: "Several days" })
        .isChecked(),
    ).toBe(true);
    await page.getByText(/You don't have to carry this alone/).waitFor();
    await expectNoAxeViolations();
    await shot("phq-return");

    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  }, 120_000);
});
