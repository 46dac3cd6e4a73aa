import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, watchPage } from "../support/browser";
import { type RunningServer, startServer } from "../support/server-process";

/**
 * Spanish words load on demand; a browser set to Spanish gets the shell's from the first
 * screen, and each feature's with its screens. English readers never fetch a Spanish word.
 */
const wordFiles = (page: Page) => {
  const files: string[] = [];
  page.on("request", (request) => {
    // Shell words are /assets/es-<hash>.js; a feature's are /assets/<set>.<locale>-<hash>.js.
    const file = /\/assets\/(?:([a-z-]+)\.)?(en|es)-[\w-]+\.js$/.exec(request.url());
    if (file) files.push(`${file[1] ?? "shell"}.${file[2]}`);
  });
  return files;
};

describe("Waymark in Spanish", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows sign-in and the help screen in Spanish, and English people never load it", async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: "es-ES",
    });
    const page = await context.newPage();
    const watch = watchPage(page, server.url, [{ path: "/api/me", status: 401 }]);
    const spanishChunks = wordFiles(page);
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole("heading", { level: 1, name: "Iniciar sesión" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("es");
    await page.getByRole("banner").getByRole("link", { name: "Pide ayuda ahora" }).click();
    await page.getByRole("heading", { level: 1, name: "Ayuda, ahora mismo" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // The shell's Spanish words, once: sign-in and help need no feature's words.
    expect(spanishChunks).toEqual(["shell.es"]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();

    const english = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: "en-US",
    });
    const englishPage = await english.newPage();
    const englishChunks = wordFiles(englishPage);
    await englishPage.goto(`${server.url}/sign-in`);
    await englishPage.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    expect(englishChunks).toEqual([]);
    await english.close();
  });

  it("opens each screen with its own words, in the reader's language only", async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: "es-ES",
    });
    const page = await context.newPage();
    const watch = watchPage(page, server.url, [{ path: "/api/me", status: 401 }]);
    const files = wordFiles(page);
    const signUp = await context.request.post(`${server.url}/api/auth/sign-up`, {
      data: {
        email: `marta-${Date.now()}@example.com`,
        password: "pasos firmes junto al río",
        displayName: "Marta",
        timeZone: "America/New_York",
        locale: "es",
      },
    });
    expect(signUp.status()).toBe(201);
    await page.goto(`${server.url}/`);
    await page.getByRole("heading", { level: 1, name: "Hola, Marta" }).waitFor();
    await page.getByRole("link", { name: "Hacer el registro" }).click();
    await page.getByRole("heading", { level: 1, name: "Registro de hoy" }).waitFor();
    await page.getByRole("navigation").getByRole("link", { name: "Personas" }).click();
    await page.getByRole("heading", { level: 1, name: "Personas" }).waitFor();
    await page.getByRole("link", { name: "Abrir el grupo de pares" }).click();
    await page.getByRole("heading", { level: 1, name: "Grupo de pares" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // A missing word would log "no words loaded" (translate.ts): none did.
    expect(watch.consoleErrors).toEqual([]);
    expect(files.filter((file) => file.endsWith(".en"))).toEqual([]);
    // The check-in's words come with the other Today cards' (screens/today/chunks.ts).
    expect(files).toContain("today.es");
    expect(files).toContain("messages.es");
    expect(files).toContain("peer-group.es");
    expect(new Set(files).size).toBe(files.length);
    await context.close();
  }, 120_000);
});
