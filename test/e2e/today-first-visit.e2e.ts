import type { Browser, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, watchPage } from "../support/browser";
import { type RunningServer, startServer } from "../support/server-process";

/**
 * Today opened on a phone that remembers nothing yet (a new browser, a cleared one, or
 * Lighthouse): its one answer is asked for as soon as /api/me says who is signed in, before
 * React draws the cards (issue 16), and only once.
 */
/** The check-in card's code: in the build, one file with the other Today cards' bodies. */
const TODAYS_CARD_CODE = /\/(today-cards|TodayCardBody)-[\w-]+\.js$/;

/** The check-in's words in English: in the build, one file with the other Today cards' words
 * (screens/today/chunks.ts). */
const TODAYS_WORDS = /\/assets\/(today|daily)\.en-[\w-]+\.js$/;

describe("Today on a first visit", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A new member's session cookies, from a sign-up in a browser that is then closed. */
  async function signedUpCookies() {
    const signUp = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const first = await signUp.newPage();
    await first.goto(`${server.url}/sign-up`);
    await first.getByLabel("Email").fill(`first-visit-${Date.now()}@example.com`);
    await first.getByLabel("Password", { exact: true }).fill("steady steps by the river");
    await first.getByRole("button", { name: "Create account" }).click();
    await first.getByRole("heading", { level: 1, name: "Hello" }).waitFor();
    const cookies = await signUp.cookies();
    await signUp.close();
    return cookies;
  }

  /** A browser with empty storage, signed in as a new member: it has never seen them. */
  async function newMembersBrowser() {
    const cookies = await signedUpCookies();
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    await context.addCookies(cookies);
    return context;
  }

  /** Today's words arrive a second late, as on a slow network; `events` says when they do. */
  async function holdTodaysWords(page: Page, events: string[]) {
    await page.route(TODAYS_WORDS, async (route) => {
      events.push("words asked");
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      events.push("words sent");
      await route.continue();
    });
  }

  it("asks for Today's answer once, before the cards' code, and draws the cards", async () => {
    const context = await newMembersBrowser();
    const page = await context.newPage();
    const watch = watchPage(page, server.url);
    const requests: string[] = [];
    page.on("request", (request: Request) => requests.push(new URL(request.url()).pathname));

    await page.goto(server.url);
    await page.getByRole("heading", { level: 1, name: "Hello" }).waitFor();
    const card = page.getByRole("region", { name: "Today's check-in" });
    await card.getByText("Not done yet").waitFor();

    expect(requests.filter((path) => path === "/api/today")).toHaveLength(1);
    const todayAt = requests.indexOf("/api/today");
    const cardCodeAt = requests.findIndex((path) => TODAYS_CARD_CODE.test(path));
    expect(requests.indexOf("/api/me")).toBeLessThan(todayAt);
    expect(todayAt, requests.join("\n")).toBeLessThan(cardCodeAt);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it("draws Today and the check-in without building an Intl formatter or collator", async () => {
    // The first one a page builds costs a cheap phone a long task (docs/performance.md): the
    // member's day comes from /api/me's day starts, dates sort as ISO strings.
    const context = await newMembersBrowser();
    await context.addInitScript(() => {
      const built: string[] = [];
      Object.assign(window, { intlBuilt: built });
      for (const name of ["DateTimeFormat", "Collator", "NumberFormat", "RelativeTimeFormat"]) {
        const intl = Intl as unknown as Record<string, new (...args: unknown[]) => object>;
        const original = intl[name] as new (...args: unknown[]) => object;
        intl[name] = new Proxy(original, {
          construct(target, args) {
            built.push(name);
            return Reflect.construct(target, args);
          },
          apply(target, self, args) {
            built.push(name);
            return Reflect.apply(target, self, args);
          },
        });
      }
      const localeCompare = String.prototype.localeCompare;
      String.prototype.localeCompare = function (
        this: string,
        ...args: Parameters<typeof localeCompare>
      ) {
        built.push("localeCompare");
        return localeCompare.apply(this, args);
      };
    });
    // A daily dose and a clinic visit ahead: the medication card shows their times, which the
    // server wrote in the person's language and zone (Today's answer, domain/time-labels.ts).
    const me = await (await context.request.get(`${server.url}/api/me`)).json();
    const api = (path: string) => `${server.url}/api/members/${me.id}${path}`;
    const regimen = await context.request.put(api("/regimen"), {
      data: {
        medication: "buprenorphine",
        doseAmount: 16,
        schedule: { kind: "daily", times: ["08:00"] },
        effectiveDate: "2026-01-01",
      },
    });
    expect(regimen.ok(), await regimen.text()).toBe(true);
    const visitAt = new Date(Date.now() + 3 * 86_400_000);
    visitAt.setUTCHours(15, 30, 0, 0);
    const visit = await context.request.post(api("/appointments"), {
      data: { kind: "clinic_visit", startsAt: visitAt.toISOString() },
      headers: { "idempotency-key": `visit-${me.id}` },
    });
    expect(visit.ok(), await visit.text()).toBe(true);
    const page = await context.newPage();
    const built = () =>
      page.evaluate(() => (window as unknown as { intlBuilt: string[] }).intlBuilt);

    await page.goto(server.url);
    await page
      .getByRole("region", { name: "Today's check-in" })
      .getByText("Not done yet")
      .waitFor();
    await page
      .getByRole("region", { name: "Medication" })
      .getByText(/Next: .+\d:\d\d\s?(AM|PM)/)
      .waitFor();
    expect(await built()).toEqual([]);

    await page.goto(`${server.url}/checkin`);
    await page.getByRole("heading", { level: 1, name: "Today's check-in" }).waitFor();
    await page.getByRole("button", { name: "Save check-in" }).waitFor();
    expect(await built()).toEqual([]);
    await context.close();
  });

  it("opened straight on the check-in, asks for today's check-in while its words still load", async () => {
    const context = await newMembersBrowser();
    const page = await context.newPage();
    const events: string[] = [];
    // The screen cannot draw before its words come.
    await holdTodaysWords(page, events);
    page.on("request", (request: Request) => {
      if (new URL(request.url()).pathname.endsWith("/checkins")) events.push("check-in asked");
    });

    await page.goto(`${server.url}/checkin`);
    await page.getByRole("button", { name: "Save check-in" }).waitFor();
    expect(events.filter((event) => event === "check-in asked")).toHaveLength(1);
    expect(events.indexOf("check-in asked"), events.join(", ")).toBeLessThan(
      events.indexOf("words sent"),
    );
    await context.close();
  });

  it("draws its first frame in the person's own shape: the page never moves down", async () => {
    // Signed in, the header also holds "Sign out", which wraps it to a second line on a
    // phone. The first frame waits for who is signed in (main.tsx), so it already has it:
    // drawn with a loading state first, the whole page moved down as the answer came.
    const context = await newMembersBrowser();
    await context.addInitScript(() => {
      const tops: number[] = [];
      Object.assign(window, { mainTops: tops });
      const look = () => {
        const main = document.getElementById("main");
        const top = main?.getBoundingClientRect().top;
        if (top !== undefined && tops.at(-1) !== top) tops.push(top);
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole("link", { name: "Sign out" }).waitFor();
    await page
      .getByRole("region", { name: "Today's check-in" })
      .getByText("Not done yet")
      .waitFor();
    const tops = await page.evaluate(() => (window as unknown as { mainTops: number[] }).mainTops);
    expect(tops).toHaveLength(1);
    await context.close();
  });

  it("draws the header and the cards' placeholders while the cards' words still load", async () => {
    // Today's words are asked for as the app starts; the shell must not wait for them.
    const context = await newMembersBrowser();
    const page = await context.newPage();
    const events: string[] = [];
    await holdTodaysWords(page, events);
    await page.goto(server.url);
    await page.getByRole("heading", { level: 1, name: "Hello" }).waitFor();
    await page.getByRole("link", { name: "Sign out" }).waitFor();
    events.push("drawn");
    await page
      .getByRole("region", { name: "Today's check-in" })
      .getByText("Not done yet")
      .waitFor();
    expect(events, events.join(", ")).toContain("words sent");
    expect(events.indexOf("drawn"), events.join(", ")).toBeLessThan(events.indexOf("words sent"));
    await context.close();
  });

  it("asks for nothing a signed-out visit would be refused", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (request: Request) => requests.push(new URL(request.url()).pathname));
    await page.goto(server.url);
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    expect(requests).not.toContain("/api/today");
    expect(requests.some((path) => TODAYS_CARD_CODE.test(path))).toBe(false);
    await context.close();
  });
});
