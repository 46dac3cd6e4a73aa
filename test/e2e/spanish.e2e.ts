import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, watchPage } from "../support/browser";
import { type RunningServer, startServer } from "../support/server-process";

/** Spanish words load on demand; a browser set to Spanish gets them from the first screen. */
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
    const spanishChunks: string[] = [];
    page.on("request", (request) => {
      if (/catalogs-es/.test(request.url())) spanishChunks.push(request.url());
    });
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole("heading", { level: 1, name: "Iniciar sesión" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("es");
    await page.getByRole("banner").getByRole("link", { name: "Pide ayuda ahora" }).click();
    await page.getByRole("heading", { level: 1, name: "Ayuda, ahora mismo" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(spanishChunks).toHaveLength(1);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();

    const english = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: "en-US",
    });
    const englishPage = await english.newPage();
    const englishChunks: string[] = [];
    englishPage.on("request", (request) => {
      if (/catalogs-es/.test(request.url())) englishChunks.push(request.url());
    });
    await englishPage.goto(`${server.url}/sign-in`);
    await englishPage.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    expect(englishChunks).toEqual([]);
    await english.close();
  });
});
