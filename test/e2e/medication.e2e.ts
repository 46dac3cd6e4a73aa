import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addLocalDays, localDayOf } from "../../src/domain/local-day";
import { axeViolations, launchBrowser, watchPage } from "../support/browser";
import { type RunningServer, startServer } from "../support/server-process";

/**
 * A person on buprenorphine, on a small phone: records the regimen as prescribed, logs
 * today's dose and sees this month's count, adds a clinic visit, and subscribes a calendar
 * to a secret address whose events stay discreet.
 */
describe("medication, appointments, reminders and the calendar feed", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("works at 360 px wide and the calendar feed carries the visit and the dose", async () => {
    const timeZone = "America/Chicago";
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      timezoneId: timeZone,
      locale: "en-US",
    });
    const page = await context.newPage();
    const watch = watchPage(page, server.url, [{ path: "/api/me", status: 401 }]);
    const expectNoAxeViolations = async () => expect(await axeViolations(page)).toEqual([]);
    const shots = process.env.WAYMARK_SCREENSHOTS;
    const shoot = async (name: string) => {
      if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
    };

    await page.goto(`${server.url}/sign-up`);
    await page.getByLabel("Email").fill(`medication-${Date.now()}@example.com`);
    await page.getByLabel("Password", { exact: true }).fill("steady steps by the river");
    await page.getByLabel("What should we call you? (optional)").fill("Sam");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { level: 1, name: "Hello, Sam" }).waitFor();

    // Today offers the medication card and a quick action; no sixth entry in the main nav.
    const card = page.getByRole("region", { name: "Medication" });
    await card.getByText("Keep track of your medication").waitFor();
    // Today, Plan, Progress, People, Settings: five, so each is a thumb's width on a phone.
    expect(await page.getByRole("navigation", { name: "Main" }).getByRole("link").count()).toBe(5);
    await page.getByRole("link", { name: /My medication/ }).click();

    // The regimen, exactly as prescribed.
    await page.getByRole("heading", { level: 1, name: "My medication" }).waitFor();
    await page
      .getByText("Enter what your prescriber wrote. Waymark never suggests a dose.")
      .waitFor();
    await shoot("1-regimen-form");
    await expectNoAxeViolations();
    await page.getByLabel("Medication", { exact: true }).selectOption("buprenorphine");
    await page.getByLabel("Dose, as prescribed").fill("16");
    await page.getByRole("radio", { name: "Every day" }).check();
    await page.getByLabel("Time", { exact: true }).fill("08:00");
    await page.getByLabel("Clinic or pharmacy name").fill("Riverside Clinic");
    await page.getByLabel("Opening hours").fill("Mon–Sat 6:00–11:00");
    await page.getByLabel("Phone").fill("(555) 010-0199");
    await page.getByLabel("Take-home doses you have now (optional)").fill("6");
    await page.getByRole("button", { name: "Save medication" }).click();

    const regimen = page.getByRole("region", { name: "As prescribed" });
    await regimen.getByText("Buprenorphine 16 mg").waitFor();
    await regimen.getByText("Every day at 8:00 AM").waitFor();
    await regimen.getByText("6 take-home doses on hand").waitFor();
    expect(
      await regimen.getByRole("link", { name: /Call Riverside Clinic/ }).getAttribute("href"),
    ).toBe("tel:5550100199");

    // Today's dose, with one tap; this month's count follows.
    const dose = page.getByRole("region", { name: "Today's dose" });
    await dose.getByRole("button", { name: "I took it" }).click();
    await page.getByRole("status").filter({ hasText: "Logged." }).waitFor();
    await dose.getByText(/^Taken at /).waitFor();
    const month = page.getByRole("region", { name: "This month" });
    await month.getByText("Doses taken this month: 1 of 1").waitFor();
    await page
      .getByRole("region", { name: "Recent doses" })
      .getByText(/^Taken ·/)
      .waitFor();
    // Logged the wrong thing? A second answer for the same dose replaces the first.
    const recent = page.getByRole("region", { name: "Recent doses" });
    await recent.getByText(/^Change/).click();
    await recent.getByRole("button", { name: "Mark as Missed" }).click();
    await page.getByRole("status").filter({ hasText: "Changed to “Missed”." }).waitFor();
    await month.getByText("Doses taken this month: 0 of 1").waitFor();
    // A missed buprenorphine dose: call before the next one, and no amount is named.
    const beforeNext = page.getByRole("region", { name: "Before your next dose" });
    await beforeNext.getByText(/^Call your clinic or prescriber before your next dose\./).waitFor();
    expect(await beforeNext.textContent()).not.toMatch(/\d\s*(mg|mL)/);
    await recent.getByText(/^Change/).click();
    await recent.getByRole("button", { name: "Mark as Taken", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Changed to “Taken”." }).waitFor();
    await month.getByText("Doses taken this month: 1 of 1").waitFor();
    await beforeNext.waitFor({ state: "detached" });
    await shoot("2-dose");
    await expectNoAxeViolations();

    // A clinic visit tomorrow.
    await page.getByRole("link", { name: /^Appointments/ }).click();
    await page.getByRole("heading", { level: 1, name: "Appointments" }).waitFor();
    await page.getByText("Nothing planned yet.", { exact: false }).waitFor();
    await expectNoAxeViolations();
    await page.getByRole("button", { name: "Add an appointment" }).click();
    const tomorrow = addLocalDays(localDayOf(new Date(), timeZone), 1);
    await page.getByLabel("What kind").selectOption("clinic_visit");
    await page.getByLabel("Date").fill(tomorrow);
    await page.getByLabel("Starts at").fill("10:30");
    await page.getByLabel("Place (optional)").fill("Riverside Clinic, 2nd floor");
    await page.getByRole("button", { name: "Save appointment" }).click();
    await page.getByRole("status").filter({ hasText: "Appointment saved." }).waitFor();
    await page.getByRole("heading", { level: 3, name: "Clinic visit" }).waitFor();
    await page.getByText("Riverside Clinic, 2nd floor").waitFor();
    await page.getByRole("button", { name: "Edit" }).click();
    await page.getByLabel("Place (optional)").fill("Riverside Clinic, room 4");
    await page.getByRole("button", { name: "Save appointment" }).click();
    await page.getByText("Riverside Clinic, room 4").waitFor();
    await page.getByRole("button", { name: "Delete" }).click();
    await page.getByText("Delete this appointment?").waitFor();
    await page.getByRole("button", { name: "Keep it" }).click();
    await shoot("3-appointments");
    await expectNoAxeViolations();

    // Today's card: the dose is logged, and the visit is next.
    await page.getByRole("link", { name: "Waymark, go to Today" }).click();
    await card.getByText("Today's dose is logged.").waitFor();
    await card.getByText(/^Next: Clinic visit, /).waitFor();

    // Reminders and the calendar feed, from Settings.
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Settings" })
      .click();
    await page.getByRole("link", { name: /Reminders and calendar/ }).click();
    await page.getByRole("heading", { level: 1, name: "Reminders and calendar" }).waitFor();
    await page.getByText("No reminders yet. Add one below.").waitFor();
    await page.getByLabel("Remind me about").selectOption("dose");
    await page.getByLabel("Time", { exact: true }).fill("07:45");
    await page.getByRole("button", { name: "Add reminder" }).click();
    await page.getByRole("status").filter({ hasText: "Reminder added." }).waitFor();
    await page.getByText("Dose · 7:45 AM · every day").waitFor();
    await page.getByRole("button", { name: "Create calendar address" }).click();
    const address = page.getByRole("textbox", { name: "Your calendar address" });
    await address.waitFor();
    const feedUrl = await address.inputValue();
    expect(feedUrl).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    await page.getByText(/Your calendar address is active since/).waitFor();
    await shoot("4-reminders");
    await expectNoAxeViolations();

    // The feed as a phone's calendar fetches it: no cookies, discreet titles.
    const response = await fetch(feedUrl);
    expect(response.status).toBe(200);
    const ics = await response.text();
    expect(ics).toContain("BEGIN:VCALENDAR");
    const events = ics.split("BEGIN:VEVENT").slice(1);
    const summaries = events.map((event) => /SUMMARY:(.*)/.exec(event)?.[1]?.trim());
    expect(summaries).toContain("Appointment");
    expect(summaries).toContain("Reminder");
    const [year, monthOfYear, day] = tomorrow.split("-");
    expect(events.some((event) => event.includes(`${year}${monthOfYear}${day}T`))).toBe(true);
    expect(ics).not.toMatch(/buprenorphine|Riverside/i);

    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });
});
