import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addLocalDays, localDayOf } from "../../src/domain/local-day";
import { axeViolations, launchBrowser, watchPage } from "../support/browser";
import { type RunningServer, startServer } from "../support/server-process";

/** Weekday (0 = Sunday) and hour of now in a zone. */
function clockIn(timeZone: string, at = new Date()) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? "";
  return {
    weekday: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(part("weekday")),
    hour: Number(part("hour")),
  };
}

/**
 * The support side on a small phone: adds a sponsor who helps with a plan step, imports the area's Meeting Guide file,
 * finds tonight's meeting, logs going, enters a meeting by hand and saves it with a reminder,
 * downloads the attendance PDF, writes down where the naloxone is, then opens the crisis
 * screen with the network off and still sees the numbers.
 */
describe("support people, meetings and the crisis screen", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("works at 360 px wide and keeps the crisis screen working offline", async () => {
    // A zone where it is daytime now, so "later tonight" is still today there.
    const zones = [
      "America/Chicago",
      "America/Los_Angeles",
      "Pacific/Honolulu",
      "Europe/Berlin",
      "Asia/Kolkata",
      "Asia/Tokyo",
      "Pacific/Auckland",
    ];
    const timeZone = zones.find((zone) => {
      const { hour } = clockIn(zone);
      return hour >= 6 && hour <= 19;
    });
    if (!timeZone) throw new Error("no daytime zone found");
    const { weekday, hour } = clockIn(timeZone);
    const meetingTime = `${String(hour + 3).padStart(2, "0")}:00`;

    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      timezoneId: timeZone,
      locale: "en-US",
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const expected = [{ path: "/api/me", status: 401 }];
    const watch = watchPage(page, server.url, expected);
    const expectNoAxeViolations = async () => expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${server.url}/sign-up`);
    await page.getByLabel("Email").fill(`support-${Date.now()}@example.com`);
    await page.getByLabel("Password", { exact: true }).fill("steady steps by the river");
    await page.getByLabel("What should we call you? (optional)").fill("Robin");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { level: 1, name: "Hello, Robin" }).waitFor();
    const me = (await (await context.request.get(`${server.url}/api/me`)).json()) as {
      id: string;
      timeZone: string;
    };
    expect(me.timeZone).toBe(timeZone);

    // A step in the member's plan (made through the plan's API), for the sponsor to help with.
    const goal = await context.request.post(`${server.url}/api/members/${me.id}/plan/goals`, {
      data: { domain: "support_groups", title: "Go to meetings" },
    });
    expect(goal.status()).toBe(201);
    const step = await context.request.post(`${server.url}/api/members/${me.id}/plan/steps`, {
      data: {
        goalId: ((await goal.json()) as { id: string }).id,
        title: "Call before 6pm meetings",
      },
    });
    expect(step.status()).toBe(201);

    // My people: empty at first, says nothing is shared; add a sponsor.
    await page.getByRole("link", { name: /^My people/ }).click();
    await page.getByRole("heading", { level: 1, name: "My people" }).waitFor();
    await page.getByText("Nothing is sent or shared with them", { exact: false }).waitFor();
    await expectNoAxeViolations();
    await page.getByRole("button", { name: "Add someone" }).click();
    await page.getByLabel("Name").fill("Sam");
    await page.getByLabel("Who they are to you").selectOption("sponsor");
    await page.getByLabel("Phone (optional)").fill("(555) 123-4567");
    await page.getByRole("checkbox", { name: "Call before 6pm meetings" }).check();
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").getByText("Sam is saved.").waitFor();
    await page.getByText("Helps with: Call before 6pm meetings").waitFor();
    const callSam = page.getByRole("link", { name: "Call Sam" });
    expect(await callSam.getAttribute("href")).toBe("tel:5551234567");
    expect(await page.getByRole("link", { name: "Text Sam" }).getAttribute("href")).toBe(
      "sms:5551234567",
    );
    await page.getByText("Sponsor", { exact: true }).waitFor();
    await expectNoAxeViolations();

    // Meetings: import a Meeting Guide file with one bad row.
    await page.goto(`${server.url}/meetings`);
    await page.getByRole("heading", { level: 1, name: "Meetings" }).waitFor();
    await page.getByText("No meetings match yet", { exact: false }).waitFor();
    await expectNoAxeViolations();
    const feed = [
      {
        name: "Tonight Hope Group",
        slug: "tonight-hope",
        day: weekday,
        time: meetingTime,
        end_time: `${String(hour + 4).padStart(2, "0")}:00`,
        types: ["O", "D"],
        location: "St. Mark's Hall",
        formatted_address: "100 Main St, Springfield",
        latitude: 39.8,
        longitude: -89.6,
        timezone: timeZone,
      },
      {
        name: "Tomorrow Online Circle",
        slug: "tomorrow-online",
        day: (weekday + 1) % 7,
        time: "19:30",
        types: ["ONL", "S"],
        conference_url: "https://meet.example.org/circle",
        timezone: timeZone,
      },
      { name: "No Time Group", slug: "no-time", day: weekday },
    ];
    await page.getByLabel("Meeting Guide file (JSON)").setInputFiles({
      name: "meetings.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(feed)),
    });
    await page.getByText("2 imported, 1 skipped").waitFor();
    await page.getByText(/^Row 3: /).waitFor();

    // Tonight's meeting, at its time in the member's zone.
    const results = page.getByRole("region", { name: "Meetings", exact: true });
    const card = results.getByRole("listitem").filter({ hasText: "Tonight Hope Group" });
    await card.waitFor();
    expect(await results.getByText("Tomorrow Online Circle").count()).toBe(0);
    await expectNoAxeViolations();
    await card.getByRole("button", { name: "Save Tonight Hope Group" }).click();
    await card.getByRole("button", { name: /^Saved: Tonight Hope Group/ }).waitFor();
    await card.getByRole("button", { name: "I went to Tonight Hope Group" }).click();
    await card.getByLabel("Note (optional)").fill("Shared for the first time");
    await card.getByLabel("Signed by (optional)").fill("Pat, secretary");
    await card.getByRole("button", { name: "Log that I went" }).click();
    await card.getByText("Logged. Well done for showing up.").waitFor();

    // A meeting entered by hand: the form says what is missing, in words, then keeps it,
    // saved with a reminder, and it is found tonight.
    await page.getByRole("button", { name: "Add a meeting by hand" }).click();
    const form = page.getByRole("form", { name: "Add a meeting by hand" });
    await form.waitFor();
    // Focus moves into the form (the button that opened it is gone), and to the first problem.
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? "");
    const focusedLabel = () =>
      page.evaluate(
        () => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? "",
      );
    expect(await focusedText()).toBe("Add a meeting by hand");
    await expectNoAxeViolations();
    await form.getByRole("button", { name: "Add meeting" }).click();
    await form.getByText("Give the meeting a name.").waitFor();
    await expect.poll(focusedLabel).toContain("Meeting name");
    await form.getByText("Choose at least one day.").waitFor();
    await form.getByText("Give the time it starts, like 19:00.").waitFor();
    await form.getByText("Give a place name or an address.").waitFor();
    await form.getByLabel("Meeting name").fill("Riverside Circle");
    const weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    await form.getByRole("checkbox", { name: weekdays[weekday] as string }).check();
    const handTime = `${String(hour + 2).padStart(2, "0")}:30`;
    await form.getByLabel("Starts at").fill(handTime);
    await form.getByLabel("Ends at (optional)").fill(`${String(hour + 3).padStart(2, "0")}:30`);
    await form.getByRole("radio", { name: "Both" }).check();
    await form.getByLabel("Place name (optional)").fill("Riverside Library");
    await form.getByLabel("Address").fill("12 River Rd, Springfield");
    await form.getByLabel("Link to join online").fill("meet.example.org/riverside");
    await form.getByRole("checkbox", { name: "Discussion" }).check();
    await form.getByLabel("Notes (optional)").fill("Room 2, upstairs");
    await form.getByRole("button", { name: "Add meeting" }).click();
    await form.getByText("Give the link to join, starting with https://").waitFor();
    expect(await form.getByText("Give the meeting a name.").count()).toBe(0);
    await form.getByLabel("Link to join online").fill("https://meet.example.org/riverside");
    expect(await form.getByLabel("Save to my meetings").isChecked()).toBe(true);
    await form.getByLabel("Remind me before it").selectOption({ label: "1 hour before" });
    await expectNoAxeViolations();
    // Nothing on the form is wider than a small phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await form.getByRole("button", { name: "Add meeting" }).click();
    await page.getByRole("status").getByText("Riverside Circle is added.").waitFor();
    await expect.poll(focusedText).toBe("Add a meeting by hand");
    const handCard = results.getByRole("listitem").filter({ hasText: "Riverside Circle" });
    await handCard.getByRole("button", { name: /^Saved: Riverside Circle/ }).waitFor();
    await handCard.getByText("Reminder: 1 hour before").waitFor();
    await handCard.getByText("Riverside Library, 12 River Rd, Springfield").waitFor();
    expect(
      await handCard
        .getByRole("link", { name: "Join Riverside Circle online" })
        .getAttribute("href"),
    ).toBe("https://meet.example.org/riverside");
    // The reminder can be changed on the saved meeting.
    await handCard
      .getByLabel("Remind me before Riverside Circle")
      .selectOption({ label: "30 minutes before" });
    await handCard.getByText("You will get a reminder 30 minutes before.").waitFor();
    await page.getByLabel("Only my saved meetings").check();
    await handCard.getByText("Reminder: 30 minutes before").waitFor();
    await results.getByRole("heading", { name: "Tonight Hope Group" }).waitFor();
    await expectNoAxeViolations();
    await page.getByLabel("Only my saved meetings").uncheck();

    // Tomorrow's online meeting shows under "Tomorrow" with its join link.
    await page.getByRole("radio", { name: "Tomorrow" }).check();
    await results.getByRole("heading", { name: "Tomorrow Online Circle" }).waitFor();
    expect(
      await page
        .getByRole("link", { name: "Join Tomorrow Online Circle online" })
        .getAttribute("href"),
    ).toBe("https://meet.example.org/circle");

    // Attendance and its PDF.
    await page.goto(`${server.url}/meetings/attendance`);
    await page.getByRole("heading", { level: 1, name: "Meetings I went to" }).waitFor();
    await page.getByText("Signed by Pat, secretary").waitFor();
    await expectNoAxeViolations();
    // The link carries the range; fetched with the page's own session cookie.
    const pdfLink = page.getByRole("link", { name: "Download attendance record (PDF)" });
    const href = await pdfLink.getAttribute("href");
    expect(href).toMatch(
      new RegExp(
        `^/api/members/${me.id}/attendance\\.pdf\\?from=\\d{4}-\\d{2}-\\d{2}&to=\\d{4}-\\d{2}-\\d{2}$`,
      ),
    );
    const response = await context.request.get(`${server.url}${href}`);
    expect(response.status(), await response.text()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/pdf");
    const pdf = await response.body();
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    // Where the naloxone is, expiring soon.
    await page.goto(`${server.url}/people/naloxone`);
    await page.getByLabel("Where I keep it").fill("Kitchen drawer");
    const today = localDayOf(new Date(), timeZone);
    await page.getByLabel("Expiry date (optional)").fill(addLocalDays(today, 10));
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Saved. It will show on the help screen.").waitFor();
    await page.getByText("Your naloxone expires in 10 days", { exact: false }).waitFor();

    // The crisis screen online, then with the network off.
    await page.goto(`${server.url}/help`);
    await page.getByRole("link", { name: "Call Sam" }).waitFor();
    await page.getByText("Kitchen drawer").waitFor();
    await expectNoAxeViolations();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const errorsBeforeOffline = watch.consoleErrors.length;
    await context.setOffline(true);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Help, right now" }).waitFor();
    expect(await page.getByRole("link", { name: "Call 988" }).getAttribute("href")).toBe("tel:988");
    await page.getByRole("link", { name: "Call Sam" }).waitFor();
    await page.getByText("Kitchen drawer").waitFor();
    await page.getByText("Lay them on their back", { exact: false }).waitFor();
    // In the label's order: the first dose, then 911, then what to do while they still don't breathe.
    const steps = await page
      .getByRole("region", { name: "If someone may be overdosing: naloxone" })
      .getByRole("list")
      .first()
      .getByRole("listitem")
      .allTextContents();
    const stepAt = (start: string) => steps.findIndex((step) => step.startsWith(start));
    expect(stepAt("Hold the spray")).toBeLessThan(stepAt("Call 911 right after the first dose"));
    expect(stepAt("Call 911 right after the first dose")).toBeLessThan(
      stepAt("If they are still not breathing, tell the 911 dispatcher"),
    );
    expect(stepAt("If they are still not breathing, tell the 911 dispatcher")).toBeGreaterThan(0);
    // Offline, the one request the shell makes (who is signed in?) cannot reach the server.
    const offlineErrors = watch.consoleErrors.splice(errorsBeforeOffline);
    for (const error of offlineErrors) {
      expect(error).toMatch(
        /^Failed to load resource: net::ERR_INTERNET_DISCONNECTED \(http:\/\/localhost:\d+\/api\/me\)$/,
      );
    }
    await context.setOffline(false);

    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
