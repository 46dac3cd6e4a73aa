import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addLocalDays, localDayOf } from "../../src/domain/local-day";
import { axeViolations, launchBrowser, watchPage } from "../support/browser";
import { type RunningServer, startServer } from "../support/server-process";
import { CLINICIAN, createAdmin, inviteLink, joinByInvite, PHONE } from "../support/staff";

/**
 * A member shares lessons with their clinician, who assigns "Urge surfing"; the member finds it
 * on Today, reads it (and picks up where they left off after a reload), answers the question —
 * wrong first, with kind feedback, then right — adds the "try it this week" step to their plan,
 * finishes, and sees it on Progress; the clinician sees it done on the caseload. Then a member
 * who reads Spanish takes a lesson in Spanish.
 */
describe("lessons", () => {
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

  async function newPage(options: Parameters<Browser["newContext"]>[0]) {
    const context = await browser.newContext(options);
    contexts.push(context);
    return { context, page: await context.newPage() };
  }

  async function signUp(page: Page, name: string) {
    await page.goto(`${server.url}/sign-up`);
    await page.getByLabel("Email").fill(`${name.toLowerCase()}-${Date.now()}@example.com`);
    await page.getByLabel("Password", { exact: true }).fill("steady steps by the river");
    await page.getByLabel("What should we call you? (optional)").fill(name);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { level: 1, name: `Hello, ${name}` }).waitFor();
  }

  it("a clinician assigns a lesson; the member takes it, plans the try-it step, and sees it on Progress", async () => {
    const adminContext = await browser.newContext(PHONE);
    contexts.push(adminContext);
    const inviteUrl = await inviteLink(adminContext, server, "clinician");
    const { page: clinician } = await newPage(PHONE);
    const clinicianWatch = watchPage(clinician, server.url, [{ path: "/api/me", status: 401 }]);
    await joinByInvite(clinician, inviteUrl, { ...CLINICIAN, displayName: "Sam Rivera" });

    const { context: memberContext, page: member } = await newPage(PHONE);
    const memberWatch = watchPage(member, server.url, [{ path: "/api/me", status: 401 }]);
    await signUp(member, "Alex");
    const me = (await (await memberContext.request.get(`${server.url}/api/me`)).json()) as {
      id: string;
    };
    const goal = await memberContext.request.post(`${server.url}/api/members/${me.id}/plan/goals`, {
      data: { domain: "mental_health", title: "Handle cravings" },
    });
    expect(goal.status()).toBe(201);

    // The member shares lessons, and only lessons, with the clinician.
    await member.goto(`${server.url}/settings/sharing`);
    await member.getByRole("heading", { level: 1, name: "Sharing and privacy" }).waitFor();
    await member.getByLabel("Their email").fill(CLINICIAN.email);
    await member.getByLabel("Why you are sharing").fill("So my counselor can suggest lessons");
    await member.getByRole("checkbox", { name: /^Lessons you started/ }).check();
    await member.getByLabel("End date").fill(addLocalDays(localDayOf(new Date(), "UTC"), 90));
    await member.getByRole("checkbox", { name: /I may revoke this consent at any time/ }).check();
    await member.getByLabel("Type your full name to sign").fill("Alex Morgan");
    await member.getByRole("button", { name: "Share", exact: true }).click();
    await member.getByText(`You are now sharing with ${CLINICIAN.email}.`).waitFor();

    // The clinician opens the member from the caseload and assigns "Urge surfing".
    await clinician.goto(`${server.url}/caseload`);
    await clinician.getByRole("link", { name: /Alex/ }).click();
    await clinician.getByRole("heading", { level: 1, name: "Alex" }).waitFor();
    await clinician.getByRole("link", { name: "Lessons and progress" }).click();
    await clinician.getByRole("heading", { level: 1, name: "Lessons" }).waitFor();
    await clinician.getByText("Suggest a lesson to Alex.", { exact: false }).waitFor();
    await clinician.getByRole("button", { name: "Assign “Urge surfing”" }).click();
    await clinician.getByRole("status").getByText("Assigned “Urge surfing”.").waitFor();
    expect(await clinician.getByRole("button", { name: "Assign “Urge surfing”" }).count()).toBe(0);
    // A mistaken assignment can be taken back at once.
    await clinician.getByRole("button", { name: "Assign “Sleep in recovery”" }).click();
    await clinician.getByRole("status").getByText("Assigned “Sleep in recovery”.").waitFor();
    await clinician.getByRole("button", { name: "Take back “Sleep in recovery”" }).click();
    await clinician.getByRole("status").getByText("Took back “Sleep in recovery”.").waitFor();
    await clinician.getByRole("button", { name: "Assign “Sleep in recovery”" }).waitFor();
    expect(await axeViolations(clinician)).toEqual([]);

    // Today tells the member; the lesson is listed under their care team, by name.
    await member.goto(server.url);
    const card = member.getByRole("region", { name: "Lessons" });
    await card.getByText("1 lesson from your care team is waiting for you.").waitFor();
    await card.getByRole("link", { name: "Open lessons" }).click();
    await member.getByRole("heading", { level: 1, name: "Lessons" }).waitFor();
    const fromTeam = member.getByRole("region", { name: "From your care team" });
    await fromTeam.getByText("Suggested by Sam Rivera").waitFor();
    expect(await axeViolations(member)).toEqual([]);
    await fromTeam.getByRole("link", { name: /Urge surfing/ }).click();

    // Reading, then leaving halfway: the lesson opens again where the member left it.
    await member.getByRole("heading", { level: 1, name: "Urge surfing" }).waitFor();
    await member.getByRole("heading", { level: 2, name: "An urge is a wave" }).waitFor();
    await member.getByText("Step 1 of 5").waitFor();
    expect(await axeViolations(member)).toEqual([]);
    await member.getByRole("button", { name: "Next" }).click();
    await member.getByRole("heading", { level: 2, name: "How to surf it" }).waitFor();
    await member.reload();
    await member.getByRole("heading", { level: 2, name: "How to surf it" }).waitFor();
    await member.getByText("Step 2 of 5").waitFor();
    await member.getByRole("button", { name: "Next" }).click();
    await member.getByRole("heading", { level: 2, name: "Each wave you ride counts" }).waitFor();
    await member.getByRole("button", { name: "Next" }).click();

    // The question: a wrong answer is explained kindly and can be tried again.
    await member.getByRole("heading", { level: 2, name: "Check your understanding" }).waitFor();
    const question = member.getByRole("group", { name: /What does urge surfing ask you to do/ });
    await member.getByRole("button", { name: "Check my answer" }).click();
    await member.getByRole("alert").getByText("Choose an answer first.").waitFor();
    await question.getByRole("radio", { name: /Push the thought away/ }).check();
    await member.getByRole("button", { name: "Check my answer" }).click();
    await member.getByText("Not quite — here's why").waitFor();
    await member.getByText(/fighting an urge often makes it feel bigger/).waitFor();
    expect(await member.getByRole("button", { name: "Next" }).count()).toBe(0);
    expect(await axeViolations(member)).toEqual([]);
    await member.getByRole("button", { name: "Try again" }).click();
    await question.getByRole("radio", { name: /Notice where you feel it/ }).check();
    await member.getByRole("button", { name: "Check my answer" }).click();
    await member.getByText("That's right").waitFor();
    await member.getByRole("button", { name: "Next" }).click();

    // Try it this week: added to the plan under the member's goal, in their own words.
    await member.getByRole("heading", { level: 2, name: "Try it this week" }).waitFor();
    await member.getByLabel("Add it under this goal").selectOption({ label: "Handle cravings" });
    const step = member.getByLabel("The step, in your words");
    expect(await step.inputValue()).toBe("Ride one urge with the urge-surfing timer");
    expect(await axeViolations(member)).toEqual([]);
    await member.getByRole("button", { name: "Add to my plan" }).click();
    await member.getByRole("status").getByText("Added to your plan.").waitFor();
    await member.getByRole("button", { name: "Finish lesson" }).click();
    await member.getByRole("heading", { level: 2, name: "Lesson done" }).waitFor();
    expect(await axeViolations(member)).toEqual([]);

    // Progress shows the lesson done; the plan holds the step.
    await member.getByRole("link", { name: "See my progress" }).click();
    await member.getByRole("heading", { level: 1, name: "Progress" }).waitFor();
    const done = member.getByRole("region", { name: "Lessons done" });
    await done.getByRole("link", { name: "Urge surfing" }).waitFor();
    expect(await axeViolations(member)).toEqual([]);
    await member.goto(`${server.url}/plan`);
    await member.getByText("Ride one urge with the urge-surfing timer").first().waitFor();

    // The clinician's caseload counts it.
    await clinician.goto(`${server.url}/caseload`);
    await clinician.getByText("Lessons: 1 done · 1 of 1 assigned done").waitFor();

    expect(memberWatch.consoleErrors).toEqual([]);
    expect(memberWatch.foreignRequests).toEqual([]);
    expect(clinicianWatch.consoleErrors).toEqual([]);
  }, 240_000);

  it("teaches in Spanish, loading only that lesson's Spanish words", async () => {
    const { context, page } = await newPage({ ...PHONE, locale: "es-ES" });
    const watch = watchPage(page, server.url, [{ path: "/api/me", status: 401 }]);
    const lessonFiles: string[] = [];
    page.on("request", (request) => {
      const file = /\/assets\/([a-z-]+)\.(en|es)-[^/]*\.js$/.exec(request.url());
      if (file) lessonFiles.push(`${file[1]}.${file[2]}`);
    });
    const signUp = await context.request.post(`${server.url}/api/auth/sign-up`, {
      data: {
        email: `rosa-${Date.now()}@example.com`,
        password: "pasos firmes junto al río",
        displayName: "Rosa",
        timeZone: "America/New_York",
        locale: "es",
      },
    });
    expect(signUp.status()).toBe(201);
    await page.goto(`${server.url}/lessons`);
    await page.getByRole("heading", { level: 1, name: "Lecciones" }).waitFor();
    await page.getByRole("link", { name: /Después de un desliz/ }).click();
    await page.getByRole("heading", { level: 2, name: "Un desliz no es el final" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("es");
    expect(await axeViolations(page)).toEqual([]);
    for (let screen = 0; screen < 3; screen += 1) {
      await page.getByRole("button", { name: "Siguiente" }).click();
    }
    await page.getByRole("heading", { level: 2, name: "Revisa lo que aprendiste" }).waitFor();
    await page.getByRole("radio", { name: /los dos meses ya no cuentan/ }).check();
    await page.getByRole("button", { name: "Revisar mi respuesta" }).click();
    await page.getByText("No exactamente; te explicamos por qué").waitFor();
    await page.getByText(/Tus dos meses siguen contando|tus dos meses siguen contando/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(lessonFiles.filter((file) => file.endsWith(".en"))).toEqual([]);
    expect(lessonFiles).toContain("managing-a-lapse.es");
    expect(lessonFiles).not.toContain("triggers.es");
    expect(watch.consoleErrors).toEqual([]);
  }, 120_000);
});
