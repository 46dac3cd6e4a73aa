import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addLocalDays, localDayOf } from "../../src/domain/local-day";
import { axeViolations, launchBrowser, watchPage } from "../support/browser";
import { type RunningServer, startServer } from "../support/server-process";

/**
 * Works offline (issue 15): after one online visit, a person with no signal opens the app,
 * checks in, logs a craving and rides it out with a coping tool, logs a dose and records a use;
 * everything waits on the phone through a reload and lands on the server exactly once when the
 * signal comes back.
 */
describe("no signal, nothing lost", () => {
  let server: RunningServer;
  let browser: Browser;
  const timeZone = "America/Chicago";

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedUpMember(context: BrowserContext, page: Page, name: string) {
    await page.goto(`${server.url}/sign-up`);
    await page.getByLabel("Email").fill(`${name.toLowerCase()}-${Date.now()}@example.com`);
    await page.getByLabel("Password", { exact: true }).fill("steady steps by the river");
    await page.getByLabel("What should we call you? (optional)").fill(name);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { level: 1, name: `Hello, ${name}` }).waitFor();
    const me = (await (await context.request.get(`${server.url}/api/me`)).json()) as { id: string };
    return me.id;
  }

  /** The service worker has cached this build and controls the page. */
  async function workerReady(page: Page) {
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) =>
          navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }),
        );
      }
    });
  }

  it("keeps a day's records on the phone and sends each one once", async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      timezoneId: timeZone,
      locale: "en-US",
    });
    const page = await context.newPage();
    const watch = watchPage(page, server.url, [{ path: "/api/me", status: 401 }]);
    const memberId = await signedUpMember(context, page, "Robin");
    const today = localDayOf(new Date(), timeZone);
    const api = (path: string) => `${server.url}/api/members/${memberId}${path}`;

    // A daily dose, so Today offers "I took it".
    const regimen = await context.request.put(api("/regimen"), {
      data: {
        medication: "buprenorphine",
        doseAmount: 16,
        schedule: { kind: "daily", times: ["00:05"] },
        effectiveDate: addLocalDays(today, -1),
      },
    });
    expect(regimen.ok()).toBe(true);
    await page.reload();
    const doseCard = page.getByRole("region", { name: "Medication" });
    await doseCard.getByRole("button", { name: "I took it" }).waitFor();
    await page
      .getByRole("region", { name: "Today's check-in" })
      .getByText("Not done yet")
      .waitFor();
    await workerReady(page);

    // No signal from here on, and the app opened again without it.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Hello, Robin" }).waitFor();
    await page
      .getByText(/You are offline\. Showing what this phone last saw/)
      .first()
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The check-in.
    await page.getByRole("link", { name: "Check in now" }).click();
    await page.getByRole("heading", { level: 1, name: "Today's check-in" }).waitFor();
    await page.getByRole("group", { name: "Mood" }).getByRole("radio", { name: "6" }).check();
    await page.getByRole("group", { name: "Craving" }).getByRole("radio", { name: "4" }).check();
    await page
      .getByRole("group", { name: "Did you use today?" })
      .getByRole("radio", { name: "No" })
      .check();
    await page.getByRole("button", { name: "Save check-in" }).click();
    await page.getByRole("heading", { name: "Check-in saved" }).waitFor();
    await page
      .getByText("Saved on this phone. It will be sent when you are back online.")
      .waitFor();
    await page
      .getByRole("status")
      .getByText("Saved on this phone. 1 record will be sent when you are back online.")
      .waitFor();

    // A craving, ridden out with the HALT check (the tool names the craving still on the phone).
    await page.getByRole("link", { name: "Go to Today", exact: true }).click();
    await page.getByRole("link", { name: /I'm having a craving/ }).click();
    await page
      .getByRole("group", { name: "How strong is it?" })
      .getByRole("radio", { name: "7" })
      .check();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByRole("heading", { name: "Saved" }).waitFor();
    await page.getByRole("link", { name: /HALT check/ }).click();
    await page.getByRole("checkbox", { name: "Tired" }).check();
    await page.getByRole("button", { name: "Done" }).click();
    await page.getByRole("button", { name: "Yes, it passed" }).click();
    await page.getByRole("heading", { name: "You rode it out" }).waitFor();

    // A dose, from Today.
    await page.getByRole("link", { name: "Waymark, go to Today" }).click();
    await doseCard.getByRole("button", { name: "I took it" }).click();
    await doseCard
      .getByText("Saved on this phone. It will be sent when you are back online.")
      .first()
      .waitFor();
    await expect.poll(() => doseCard.getByRole("button", { name: "I took it" }).count()).toBe(0);

    // A use: safety first, even with no signal.
    await page.goto(`${server.url}/lapse`);
    await page.getByRole("heading", { level: 1, name: "Let's take care of you" }).waitFor();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("heading", { name: "Safety first" }).waitFor();
    await page.getByRole("heading", { name: "Carry naloxone" }).waitFor();
    await page
      .getByRole("status")
      .getByText("Saved on this phone. 5 records will be sent when you are back online.")
      .waitFor();

    // Closed and opened again, still offline: all five are still waiting.
    await page.goto(server.url);
    await page.getByRole("heading", { level: 1, name: "Hello, Robin" }).waitFor();
    await page
      .getByRole("status")
      .getByText("Saved on this phone. 5 records will be sent when you are back online.")
      .waitFor();
    await page
      .getByRole("region", { name: "Today's check-in" })
      .getByText(/Done for today/)
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The signal comes back.
    await context.setOffline(false);
    await page.getByRole("status").getByText("Saved. Everything is on the server now.").waitFor();

    const read = async (path: string) => (await context.request.get(api(path))).json();
    const range = `?from=${today}&to=${today}`;
    const checkins = await read(`/checkins${range}`);
    expect(checkins.checkins).toHaveLength(1);
    expect(checkins.checkins[0]).toMatchObject({ mood: 6, craving: 4, used: false });
    const cravings = await read(`/cravings${range}`);
    expect(cravings.cravings).toHaveLength(1);
    // The tool use named the craving by the server's id: the craving is marked passed.
    expect(cravings.cravings[0]).toMatchObject({ intensity: 7, passed: true });
    const stats = await read("/coping-stats");
    const used = (stats.tools as { tool: string; uses: number }[]).filter((tool) => tool.uses > 0);
    expect(used).toEqual([
      expect.objectContaining({ tool: "halt_check", uses: 1, passedCount: 1 }),
    ]);
    const doses = await read(`/doses${range}`);
    expect(doses.doses).toHaveLength(1);
    expect(doses.doses[0]).toMatchObject({ status: "taken" });
    const uses = await read(`/uses${range}`);
    expect(uses.uses).toHaveLength(1);

    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  }, 240_000);

  it("opens offline in Spanish after one visit, lazily loaded screens included", async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      timezoneId: timeZone,
      locale: "es-ES",
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-up`);
    await page.getByLabel("Correo electrónico").fill(`luz-${Date.now()}@example.com`);
    await page.getByLabel("Contraseña", { exact: true }).fill("pasos firmes junto al río");
    await page.getByLabel("¿Cómo quieres que te llamemos? (opcional)").fill("Luz");
    await page.getByRole("button", { name: "Crear cuenta" }).click();
    await page.getByRole("heading", { level: 1, name: "Hola, Luz" }).waitFor();
    await workerReady(page);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Hola, Luz" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("es");
    // Screens never opened online come from the service worker's copy of the build.
    await page.getByRole("link", { name: "Hacer el registro" }).click();
    await page.getByRole("heading", { level: 1, name: "Registro de hoy" }).waitFor();
    await page.getByRole("banner").getByRole("link", { name: "Pide ayuda ahora" }).click();
    await page.getByRole("heading", { level: 1, name: "Ayuda, ahora mismo" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 180_000);

  it("keeps a refused record in view until the person decides", async () => {
    const context = await browser.newContext({ timezoneId: timeZone, locale: "en-US" });
    const page = await context.newPage();
    const memberId = await signedUpMember(context, page, "Sam");
    await workerReady(page);
    await context.setOffline(true);
    for (const intensity of ["3", "8"]) {
      await page.getByRole("link", { name: /I'm having a craving/ }).click();
      await page
        .getByRole("group", { name: "How strong is it?" })
        .getByRole("radio", { name: intensity, exact: true })
        .check();
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await page.getByRole("heading", { name: "Saved" }).waitFor();
      await page.getByRole("link", { name: "Go to Today", exact: true }).click();
    }

    // The server refuses the first one it is sent (as a validation error would).
    let refusals = 0;
    await page.route("**/api/members/*/cravings", async (route) => {
      if (refusals > 0) return route.continue();
      refusals += 1;
      return route.fulfill({
        status: 400,
        json: { error: { code: "validation_error", message: "That does not look right." } },
      });
    });
    await context.setOffline(false);
    const refused = page.getByRole("region", { name: /^Not saved yet/ });
    await refused.getByText("What the server said: That does not look right.").waitFor();
    // The other record was not held back by it.
    const read = async () =>
      (
        (await (
          await context.request.get(`${server.url}/api/members/${memberId}/cravings`)
        ).json()) as { cravings: { intensity: number }[] }
      ).cravings.map((craving) => craving.intensity);
    await expect.poll(read).toEqual([8]);
    expect(await axeViolations(page)).toEqual([]);

    // Still there after the app is opened again; then the person tries again.
    await page.reload();
    await refused.getByRole("button", { name: "Try again" }).click();
    await expect.poll(() => refused.count()).toBe(0);
    await expect.poll(async () => (await read()).sort()).toEqual([3, 8]);

    // Signing out with a record still on the phone: told first, then nothing is left behind.
    await page.route("**/api/members/*/cravings", (route) => route.abort("failed"));
    await page.getByRole("link", { name: /I'm having a craving/ }).click();
    await page
      .getByRole("group", { name: "How strong is it?" })
      .getByRole("radio", { name: "5", exact: true })
      .check();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page
      .getByText("Saved on this phone. It will be sent when you are back online.")
      .waitFor();
    await page.goto(`${server.url}/settings/sessions`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page
      .getByRole("alert")
      .getByText(
        "1 record on this phone has not been sent yet. Signing out deletes it from this phone.",
      )
      .waitFor();
    await page.getByRole("button", { name: "Sign out and delete them" }).click();
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    const left = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open("waymark-offline", 1);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const count = (store: string) =>
        new Promise<number>((resolve) => {
          const request = db.transaction(store).objectStore(store).count();
          request.onsuccess = () => resolve(request.result);
        });
      const counts = [await count("writes"), await count("lastSeen")];
      db.close();
      return counts;
    });
    expect(left).toEqual([0, 0]);
    await context.close();
  }, 240_000);

  it("lands exactly 100 records through a network that fails at random", async () => {
    const context = await browser.newContext({ timezoneId: timeZone, locale: "en-US" });
    const page = await context.newPage();
    const memberId = await signedUpMember(context, page, "Kai");
    await workerReady(page);
    const today = localDayOf(new Date(), timeZone);

    // 100 cravings waiting on the phone, as the craving form queues them (the form itself is
    // driven in the first test; filling it 100 times takes minutes on a shared machine).
    await context.setOffline(true);
    await page.evaluate(
      async ({ memberId, count }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open("waymark-offline", 1);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const transaction = db.transaction("writes", "readwrite");
        for (let index = 1; index <= count; index += 1) {
          transaction.objectStore("writes").add({
            write: {
              id: crypto.randomUUID(),
              memberId,
              kind: "craving",
              method: "POST",
              path: `/members/${memberId}/cravings`,
              body: { at: new Date().toISOString(), intensity: (index % 9) + 1 },
              madeAt: new Date().toISOString(),
              attempts: 0,
              notBefore: 0,
              refusal: null,
            },
          });
        }
        await new Promise((resolve) => {
          transaction.oncomplete = resolve;
        });
        db.close();
      },
      { memberId, count: 100 },
    );
    await page.reload();
    await page
      .getByRole("status")
      .getByText("Saved on this phone. 100 records will be sent when you are back online.")
      .waitFor();

    // Back online on a bad line: some requests never reach the server, some answers are lost
    // after the server wrote the record, some get a 503.
    let failures = 0;
    await page.route("**/api/members/*/cravings", async (route) => {
      const roll = Math.random();
      if (roll < 0.15) {
        failures += 1;
        return route.abort("failed");
      }
      if (roll < 0.25) {
        failures += 1;
        await route.fetch();
        return route.abort("connectionreset");
      }
      if (roll < 0.3) {
        failures += 1;
        return route.fulfill({ status: 503, json: { error: { code: "x", message: "busy" } } });
      }
      return route.continue();
    });
    await context.setOffline(false);
    await page
      .getByRole("status")
      .getByText("Saved. Everything is on the server now.")
      .waitFor({ timeout: 150_000 });
    expect(failures).toBeGreaterThan(0);

    const answer = await context.request.get(
      `${server.url}/api/members/${memberId}/cravings?from=${today}&to=${today}`,
    );
    const { cravings } = (await answer.json()) as {
      cravings: { intensity: number; createdAt: string }[];
    };
    expect(cravings).toHaveLength(100);
    // Sent in the order they were made: the server stored them in that order.
    const byArrival = [...cravings].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    expect(byArrival.map((craving) => craving.intensity)).toEqual(
      Array.from({ length: 100 }, (_, index) => ((index + 1) % 9) + 1),
    );
    await context.close();
  }, 300_000);
});
