import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, watchPage } from "../support/browser";
import { type RunningServer, startServer } from "../support/server-process";
import { ADMIN, createAdmin, enrolOnScreen, enrolThroughApi, PHONE } from "../support/staff";

const ALEX = {
  email: "alex.rivers@example.com",
  password: "walking the long way home",
  name: "Alex Rivers",
};
const LUZ = {
  email: "luz.moreno@example.com",
  password: "la luz de la mañana llega",
  name: "Luz Moreno",
};
const SAM = {
  email: "sam.keeper@example.org",
  password: "a steady hand for the group",
  name: "Sam Keeper",
};
const POST = "Made it through the morning without calling my old friend.";

/**
 * The peer group with three people on their phones: Alex posts in English; Luz, who reads
 * Spanish, replies and reports the post; an admin makes Sam a moderator, and Sam hides it.
 * Nobody ever sees a name or an email, only aliases.
 */
describe("the peer group", () => {
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

  async function signedUp(
    person: { email: string; password: string; name: string },
    locale: "en" | "es",
  ): Promise<Page> {
    const context = await browser.newContext({
      ...PHONE,
      locale: locale === "es" ? "es-ES" : "en-US",
    });
    contexts.push(context);
    // A step that cannot happen fails in seconds and names its locator.
    context.setDefaultTimeout(15_000);
    const response = await context.request.post(`${server.url}/api/auth/sign-up`, {
      data: {
        email: person.email,
        password: person.password,
        displayName: person.name,
        timeZone: "America/Chicago",
        locale,
      },
    });
    expect(response.status()).toBe(201);
    return context.newPage();
  }

  async function expectAccessible(page: Page) {
    expect(await axeViolations(page)).toEqual([]);
  }

  it("a member posts, another replies and reports, a moderator hides the post", async () => {
    // Alex finds the group in the main navigation and joins under an alias, not an email.
    const alex = await signedUp(ALEX, "en");
    const alexWatch = watchPage(alex, server.url, [
      { path: "/api/peer-group/membership", status: 400 },
    ]);
    await alex.goto(`${server.url}/`);
    await alex
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "People" })
      .click();
    await alex.getByRole("heading", { level: 1, name: "People" }).waitFor();
    await alex.getByRole("link", { name: "Open the peer group" }).click();
    await alex.getByRole("heading", { level: 1, name: "Peer group" }).waitFor();
    await expectAccessible(alex);
    const alias = alex.getByLabel("Your alias");
    await alias.fill(ALEX.email);
    await alex.getByRole("button", { name: "Join the group" }).click();
    await alex
      .getByText("An alias can't be an email address — it must not lead back to you.")
      .waitFor();
    await expect.poll(() => alex.evaluate(() => document.activeElement?.tagName)).toBe("INPUT");
    await alias.fill("Morning Walk");
    await alex.getByRole("button", { name: "Join the group" }).click();

    // The rules notice comes once, before the first post.
    await alex.getByRole("heading", { level: 2, name: "Before your first post" }).waitFor();
    await alex
      .getByText("Everything you post is seen by everyone in the group at your organization.")
      .waitFor();
    await expectAccessible(alex);
    await alex.getByRole("button", { name: "I understand — let me post" }).click();
    await alex.getByText("No posts in Today yet. Be the first to say hello.").waitFor();
    await alex.getByLabel("Write to Today").fill(POST);
    await alex.getByRole("button", { name: "Post", exact: true }).click();
    await alex.getByRole("status").getByText("Posted.").waitFor();
    await alex
      .getByRole("article", { name: /Morning Walk \(you\)/ })
      .getByText(POST)
      .waitFor();
    await expectAccessible(alex);

    // Luz reads Spanish: she joins, replies, sends support and reports the post.
    const luz = await signedUp(LUZ, "es");
    const luzWatch = watchPage(luz, server.url);
    await luz.goto(`${server.url}/peer-group`);
    await luz.getByRole("heading", { level: 1, name: "Grupo de pares" }).waitFor();
    await luz.getByLabel("Tu alias").fill("Luz del Alba");
    await luz.getByRole("button", { name: "Unirme al grupo" }).click();
    await luz.getByRole("button", { name: "Entendido: quiero publicar" }).click();
    const post = luz.getByRole("article", { name: /^Morning Walk/ });
    await post.getByText(POST).waitFor();
    expect(await luz.locator("main").textContent()).not.toContain(ALEX.name);
    await post.getByRole("button", { name: "Enviar apoyo" }).click();
    await post.getByText("1 envió apoyo").waitFor();
    expect(
      await post.getByRole("button", { name: "Enviar apoyo" }).getAttribute("aria-pressed"),
    ).toBe("true");
    await post.getByRole("button", { name: "Responder" }).click();
    await post.getByLabel("Tu respuesta a Morning Walk").fill("¡Bien hecho! Un paso a la vez.");
    await post.getByRole("button", { name: "Enviar respuesta" }).click();
    await luz.getByText("¡Bien hecho! Un paso a la vez.").waitFor();
    await post.getByRole("button", { name: "Reportar" }).first().click();
    await post.getByLabel("¿Por qué reportas esta publicación? (opcional)").selectOption({
      label: "Consejo peligroso",
    });
    await expectAccessible(luz);
    await post.getByRole("button", { name: "Enviar reporte" }).click();
    await post.getByRole("button", { name: "Reportada" }).first().waitFor();

    // An admin makes Sam a moderator.
    const sam = await signedUp(SAM, "en");
    const adminContext = await browser.newContext(PHONE);
    contexts.push(adminContext);
    adminContext.setDefaultTimeout(15_000);
    expect(
      (await adminContext.request.post(`${server.url}/api/auth/sign-in`, { data: ADMIN })).status(),
    ).toBe(200);
    // Admins add an authenticator before they can manage people.
    await enrolThroughApi(adminContext, server);
    const admin = await adminContext.newPage();
    const adminWatch = watchPage(admin, server.url);
    await admin.goto(`${server.url}/settings`);
    await admin.getByRole("link", { name: /Group moderators/ }).click();
    await admin.getByRole("heading", { level: 1, name: "Group moderators" }).waitFor();
    await admin.getByText("No moderators yet.", { exact: false }).waitFor();
    await admin.getByLabel("Their email").fill(SAM.email);
    await admin.getByRole("button", { name: "Make moderator" }).click();
    await admin.getByRole("status").getByText("Sam Keeper is now a moderator.").waitFor();
    await admin.getByRole("list", { name: "Current moderators" }).getByText(SAM.email).waitFor();
    await expectAccessible(admin);

    // Sam sees the report and hides the post; the action is audited (int tests check the log).
    const samWatch = watchPage(sam, server.url);
    // Moderating shows other people's posts, so Sam is first asked to add an authenticator.
    await sam.goto(`${server.url}/peer-group`);
    await enrolOnScreen(sam);
    await sam.goto(`${server.url}/peer-group`);
    await sam.getByRole("link", { name: "Reported posts" }).click();
    await sam.getByRole("heading", { level: 1, name: "Reported posts" }).waitFor();
    const reported = sam.getByRole("article", { name: /Morning Walk in Today/ });
    await reported.getByText(POST).waitFor();
    await reported.getByText("Reasons: Unsafe advice").waitFor();
    await expectAccessible(sam);
    await reported.getByRole("button", { name: "Hide post" }).click();
    await sam.getByRole("status").getByText("Post hidden.").waitFor();
    await sam.getByText("No reports waiting. When members report a post, it shows here.").waitFor();
    // Undo shows it again at once; Sam hides it from the group screen instead.
    await sam.getByRole("button", { name: "Undo" }).click();
    await sam.getByRole("status").getByText("Post shown again.").waitFor();
    await sam.goto(`${server.url}/peer-group`);
    const inFeed = sam.getByRole("article", { name: /^Morning Walk/ });
    await inFeed.getByText(POST).waitFor();
    await inFeed.getByRole("button", { name: "Hide post" }).click();
    await inFeed.getByRole("status").getByText("Post hidden.").waitFor();
    await inFeed.getByRole("button", { name: "Show post again" }).waitFor();
    await expectAccessible(sam);

    // Luz now sees that a moderator hid it, and not its words; Alex still sees their own.
    await luz.reload();
    const hidden = luz.getByRole("article", { name: /^Morning Walk/ });
    await hidden.getByText("Oculta por una persona moderadora.").waitFor();
    expect(await luz.locator("main").textContent()).not.toContain(POST);
    await expectAccessible(luz);
    await alex.reload();
    await alex.getByText("A moderator hid this post; others no longer see it.").waitFor();

    // Words of crisis: the post goes up and Alex is taken to the help screen at once.
    await alex.getByRole("button", { name: "Hard moment" }).click();
    await alex
      .getByLabel("Write to Hard moment")
      .fill("Tonight I want to die. I don't know what to do.");
    await alex.getByRole("button", { name: "Post", exact: true }).click();
    await alex.getByRole("heading", { level: 1, name: "Help, right now" }).waitFor();
    await alex.getByText("Your post is up, and the group will see it.", { exact: false }).waitFor();
    await expectAccessible(alex);
    await alex.getByRole("link", { name: "Back to the group" }).click();
    await alex.getByRole("heading", { level: 1, name: "Peer group" }).waitFor();

    for (const watch of [alexWatch, luzWatch, adminWatch, samWatch]) {
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
    }
  }, 480_000);
});
